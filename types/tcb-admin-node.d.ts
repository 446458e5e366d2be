// tcb-admin-node ships no types for its entry; only what server/adapters/cloudbase uses.
declare module 'tcb-admin-node' {
  /** Every reply of the database API: the value, or an error as a value ({ code, message }). */
  export type ErrorValue = { code: string; message?: string };
  export type Reply<T> = Promise<T | ErrorValue>;

  export interface UpdateCommand {
    readonly __updateCommand: unique symbol;
  }
  export interface QueryCommand {
    or(...conditions: QueryCommand[]): QueryCommand;
    readonly __queryCommand: unique symbol;
  }
  export interface Command {
    eq(value: unknown): QueryCommand;
    neq(value: unknown): QueryCommand;
    lt(value: number): QueryCommand;
    gt(value: number | string): QueryCommand;
    in(values: unknown[]): QueryCommand;
    inc(by: number): UpdateCommand;
  }

  export interface Query {
    where(condition: Record<string, unknown>): Query;
    orderBy(field: string, direction: 'asc' | 'desc'): Query;
    limit(count: number): Query;
    skip(offset: number): Query;
    get(): Reply<{ data: Array<Record<string, unknown>> }>;
    remove(): Reply<{ deleted: number }>;
    /** Every matching document (the SDK sends multi: true). */
    update(data: Record<string, unknown>): Reply<{ updated: number }>;
  }
  export interface DocumentReference {
    get(): Reply<{ data: Array<Record<string, unknown>> }>;
    update(data: Record<string, unknown>): Reply<{ updated: number }>;
  }
  export interface CollectionReference extends Query {
    doc(id: string): DocumentReference;
    add(data: Record<string, unknown>): Reply<{ id: string }>;
  }

  /** Inside a transaction every call throws its error value instead of returning it. */
  export interface TransactionDocument {
    get(): Promise<{ data: Record<string, unknown> | null }>;
    update(data: Record<string, unknown>): Promise<{ updated: number }>;
    set(data: Record<string, unknown>): Promise<{ updated: number }>;
    delete(): Promise<{ deleted: number }>;
  }
  export interface Transaction {
    collection(name: string): { doc(id: string): TransactionDocument; add(data: Record<string, unknown>): Promise<unknown> };
    commit(): Promise<unknown>;
    rollback(): Promise<unknown>;
  }

  export interface Database {
    command: Command;
    collection(name: string): CollectionReference;
    startTransaction(): Promise<Transaction>;
  }

  export interface App {
    database(): Database;
  }

  export interface InitOptions {
    env: string | symbol;
    secretId?: string;
    secretKey?: string;
    serviceUrl?: string;
    timeout?: number;
    isUpdateSelfConfig?: boolean;
  }

  const tcb: {
    init(options: InitOptions): App;
    /** The environment the function runs in (TCB_ENV). */
    SYMBOL_CURRENT_ENV: symbol;
  };
  export default tcb;
}
