// One filter of a list's filter bar: "any …" or one of the known values, by their labels.
import { FILTER_SELECT } from "./use-url-filters";

export function FilterSelect({
  label,
  value,
  anyLabel,
  options,
  onChange,
}: {
  label: string;
  value: string;
  /** the empty choice, e.g. "any source"; omit when a value is always chosen */
  anyLabel?: string;
  options: Record<string, string>;
  onChange: (value: string) => void;
}) {
  return (
    <select aria-label={label} className={FILTER_SELECT} value={value} onChange={(e) => onChange(e.target.value)}>
      {anyLabel ? <option value="">{anyLabel}</option> : null}
      {Object.entries(options).map(([k, text]) => (
        <option key={k} value={k}>
          {text}
        </option>
      ))}
    </select>
  );
}
