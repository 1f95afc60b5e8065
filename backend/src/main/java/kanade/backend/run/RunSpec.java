package kanade.backend.run;

/** What to run where, as checked by the API: pc_id, shell, script, timeout, job id (null: a fresh one), jitter, run_as. */
public record RunSpec(String pcId, String shell, String script, long timeoutSecs, String jobId, Long jitterSecs,
                      String runAs) {
}
