/** Staff, teams, branches and customers as the pipeline knows them. */
export interface Branch {
  id: string;
  name: string | null;
}

export interface Team {
  id: string;
  name: string | null;
  branchId: string | null;
}

export interface Staff {
  id: string;
  name: string | null;
  teamId: string | null;
  branchId: string | null;
}

export interface Customer {
  id: string;
  phone: string | null;
  name: string | null;
  createdAt: number;
}

/** One observation of a profile tag on a customer, from one conversation. */
export interface ProfileObservation {
  family: string;
  tag: string;
  value: string;
  detail: string | null;
  conversationId: string;
  channel: string;
  observedAt: number;
  quote: string;
  /** true for the value(s) currently in force: latest wins for single-value tags; for multi tags every value not superseded. */
  current: boolean;
}

export interface CustomerProfile {
  customer: Customer;
  current: ProfileObservation[];
  history: ProfileObservation[];
}
