import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api/client.js';
import type { Directory, Taxonomy } from './api/types.js';

/** Reference data every screen needs: the taxonomy (labels) and the staff/team/branch directory. */
export interface AppData {
  taxonomy: Taxonomy;
  directory: Directory;
}

const EMPTY: AppData = {
  taxonomy: { profile: {}, compliance: {}, keyPoints: {} },
  directory: { branches: [], teams: [], staff: [] },
};

const AppDataContext = createContext<AppData>(EMPTY);

export function AppDataProvider({ children }: { children: ReactNode }) {
  const [data, setData] = useState<AppData>(EMPTY);
  useEffect(() => {
    let live = true;
    void Promise.all([api.taxonomy(), api.directory()])
      .then(([taxonomy, directory]) => live && setData({ taxonomy, directory }))
      .catch((err: unknown) => console.error('reference data failed to load', err));
    return () => {
      live = false;
    };
  }, []);
  return <AppDataContext.Provider value={data}>{children}</AppDataContext.Provider>;
}

/** "kyc_depth" → "kyc depth" (English has no taxonomy labels; the ids are English). */
function humanise(id: string): string {
  return id.replace(/_/g, ' ');
}

/** Display names for taxonomy ids and directory ids, in the current language. */
export function useLabels() {
  const { taxonomy, directory } = useContext(AppDataContext);
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  return {
    taxonomy,
    directory,
    keyPoint: (id: string) => (zh ? taxonomy.keyPoints[id]?.zh : undefined) ?? humanise(id),
    rule: (id: string) => (zh ? taxonomy.compliance[id]?.zh : undefined) ?? humanise(id),
    tag: (family: string, tag: string) => (zh ? taxonomy.profile[family]?.[tag]?.zh : undefined) ?? humanise(tag),
    tagValue: (family: string, tag: string, value: string) =>
      (zh ? taxonomy.profile[family]?.[tag]?.values[value] : undefined) ?? humanise(value),
    staff: (id: string | null) => (id ? (directory.staff.find((s) => s.id === id)?.name ?? id) : '—'),
    team: (id: string | null) => (id ? (directory.teams.find((s) => s.id === id)?.name ?? id) : '—'),
    branch: (id: string | null) => (id ? (directory.branches.find((s) => s.id === id)?.name ?? id) : '—'),
  };
}
