// What a ticket says when its class proposes no automatic fix although the error invites one: the labelled real
// reports put that fix in doubt (MIN_FIX_PRECISION in lib/rca/eval/evaluate.ts), so a person decides the rerun.
export const RETRY_WITHHELD =
  "Not retried automatically: in real reports this error often came back after a rerun, until a setting, the capacity or the calling code was changed. Rerun it by hand once that is ruled out.";
