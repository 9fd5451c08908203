import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './api/client.js';
import type { Branch, Group, Staff } from './api/types.js';

/** Branches, staff and groups: the names and choices every screen shows. */
export interface Directory {
  branches: Branch[];
  staff: Staff[];
  groups: Group[];
  reload(): Promise<void>;
  branchName(id: string | null): string;
  staffName(id: string | null): string;
}

const DirectoryContext = createContext<Directory | null>(null);

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const [lists, setLists] = useState<{ branches: Branch[]; staff: Staff[]; groups: Group[] }>({ branches: [], staff: [], groups: [] });
  const reload = useCallback(async () => {
    try {
      const [b, s, g] = await Promise.all([api.branches(), api.staff(), api.groups()]);
      setLists({ branches: b.branches, staff: s.staff, groups: g.groups });
    } catch (err) {
      console.error('directory failed to load', err);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const value: Directory = {
    ...lists,
    reload,
    branchName: (id) => (id ? (lists.branches.find((b) => b.id === id)?.name ?? id) : '—'),
    staffName: (id) => (id ? (lists.staff.find((s) => s.id === id)?.name ?? id) : '—'),
  };
  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

export function useDirectory(): Directory {
  const value = useContext(DirectoryContext);
  if (!value) throw new Error('useDirectory outside DirectoryProvider');
  return value;
}
