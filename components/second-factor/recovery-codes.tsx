/** The ten recovery codes, shown once right after two-factor is turned on. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="space-y-2">
      <p className="text-sm">
        Keep these recovery codes somewhere safe, away from your phone. Each one signs you in once if you lose your phone. You won&apos;t see
        them again.
      </p>
      <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-1 rounded-md border border-line bg-surface p-3 font-mono text-sm">
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ol>
    </div>
  );
}
