import { createContext, useContext } from 'react';

/** What every field of one node's form may need: its bound connection and the upstream field names. */
export interface FormContextValue {
  nodeId: string;
  /** The connection bound to the node's slot on this machine, for `optionsFrom` lists. */
  connectionId: string | undefined;
  fieldPaths: readonly string[];
}

export const FormContext = createContext<FormContextValue>({ nodeId: '', connectionId: undefined, fieldPaths: [] });

export function useFormContext(): FormContextValue {
  return useContext(FormContext);
}
