/** `KOPPEL_SECRET_<NAME>`: the id upper-cased, every other character than A-Z and 0-9 as '_'. */
export function secretEnvName(connectionId: string): string {
  return `KOPPEL_SECRET_${connectionId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}
