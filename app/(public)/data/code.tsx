/** A name as it is written in a file or an address (a field, a parameter, a value). */
export function Code({ children }: { children: string }) {
  return <code className="font-mono">{children}</code>;
}
