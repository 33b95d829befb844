package org.medrec.job;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** The parameters of a migration run: its id and its input folder. Immutable. */
record RunParameters(UUID runId, Path input) {

    private static final String INPUT = "input";
    private static final String RUN_ID = "run.id";

    static RunParameters of(JobParameters parameters) {
        return new RunParameters(UUID.fromString(parameters.getString(RUN_ID)), Path.of(parameters.getString(INPUT)));
    }

    JobParameters toJobParameters() {
        return new JobParametersBuilder().addString(INPUT, input.toString()).addString(RUN_ID, runId.toString())
                .toJobParameters();
    }
}
