// CUSTOM: start methods that hand back a JobOperation instead of a bare job id, and AttachToJob for a job started
// elsewhere (declared on IJobsClient too). Thin: each is the generated call plus the operation object, which masks
// this client's credentials in the log lines a failure quotes.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated;

/// <content>Job operations: start a job and get an object to wait for, cancel, or read the log of.</content>
public partial class JobsClient
{
    /// <summary>Gets an operation for a job that already exists (started elsewhere, or by an earlier run of this program).</summary>
    /// <param name="projectId">The project the job belongs to.</param>
    /// <param name="jobId">The job's id.</param>
    /// <returns>An operation that has not polled yet.</returns>
    public JobOperation AttachToJob(int projectId, long jobId) => new(this, projectId, jobId, Redactor);

    /// <summary>Starts training a Keras learn block (trainKerasJob).</summary>
    /// <param name="projectId">Project ID.</param>
    /// <param name="learnId">Learn block ID (from the impulse).</param>
    /// <param name="body">Training settings; only the fields set are applied (an empty request trains with the stored ones).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The started job.</returns>
    /// <exception cref="EdgeImpulseApiException">The job could not be started.</exception>
    public async Task<JobOperation> StartTrainKerasAsync(int projectId, int learnId, SetKerasParameterRequest body, CancellationToken cancellationToken = default)
    {
        var started = await TrainKerasJobAsync(projectId, learnId, body, cancellationToken).ConfigureAwait(false);
        return AttachToStarted(projectId, started, "trainKerasJob");
    }

    /// <summary>Starts generating features for a DSP block (generateFeaturesJob).</summary>
    /// <param name="projectId">Project ID.</param>
    /// <param name="body">Which DSP block (<see cref="GenerateFeaturesRequest.DspId"/>) and how.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The started job.</returns>
    /// <exception cref="EdgeImpulseApiException">The job could not be started.</exception>
    public async Task<JobOperation> StartGenerateFeaturesAsync(int projectId, GenerateFeaturesRequest body, CancellationToken cancellationToken = default)
    {
        var started = await GenerateFeaturesJobAsync(projectId, body, cancellationToken).ConfigureAwait(false);
        return AttachToStarted(projectId, started, "generateFeaturesJob");
    }

    /// <summary>Starts autotuning a DSP block's parameters (autotuneDspJob); read the outcome with getAutotunerResults.</summary>
    /// <param name="projectId">Project ID.</param>
    /// <param name="body">Which DSP block (<see cref="AutotuneDspRequest.DspId"/>) and, optionally, a temporary config.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The started job.</returns>
    /// <exception cref="EdgeImpulseApiException">The job could not be started.</exception>
    public async Task<JobOperation> StartAutotuneDspAsync(int projectId, AutotuneDspRequest body, CancellationToken cancellationToken = default)
    {
        var started = await AutotuneDspJobAsync(projectId, body, cancellationToken).ConfigureAwait(false);
        return AttachToStarted(projectId, started, "autotuneDspJob");
    }

    /// <summary>Gets the redaction of this client's credentials, for messages that quote server text (job log lines).</summary>
    internal Redactor Redactor => _connection.Redactor;

    /// <summary>Gets the client's logging, for job state changes.</summary>
    internal TransportLogging Logging => _connection.Logging;

    /// <summary>The operation for a job a start call returned; a success without a job id is a server error, not a bad argument.</summary>
    internal JobOperation AttachToStarted(int projectId, StartJobResponse started, string operationId) =>
        JobOperation.ForStarted(this, projectId, started, operationId);
}
