// CUSTOM: the JobOperation members of the jobs client on its interface, so code written against IJobsClient (and
// a mock of it) reaches them. Default implementations over the interface's own start calls keep every existing
// IJobsClient implementation compiling; JobsClient's public methods implement them (with credential redaction).
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated;

/// <content>Job operations: start a job and get an object to wait for, cancel, or read the log of.</content>
public partial interface IJobsClient
{
    /// <summary>Gets an operation for a job that already exists (started elsewhere, or by an earlier run of this program).</summary>
    /// <param name="projectId">The project the job belongs to.</param>
    /// <param name="jobId">The job's id.</param>
    /// <returns>An operation that has not polled yet.</returns>
    JobOperation AttachToJob(int projectId, long jobId) => new(this, projectId, jobId);

    /// <summary>Starts training a Keras learn block (trainKerasJob).</summary>
    /// <param name="projectId">Project ID.</param>
    /// <param name="learnId">Learn block ID (from the impulse).</param>
    /// <param name="body">Training settings; only the fields set are applied (an empty request trains with the stored ones).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The started job.</returns>
    /// <exception cref="EdgeImpulseApiException">The job could not be started.</exception>
    async Task<JobOperation> StartTrainKerasAsync(int projectId, int learnId, SetKerasParameterRequest body, CancellationToken cancellationToken = default) =>
        JobOperation.ForStarted(this, projectId, await TrainKerasJobAsync(projectId, learnId, body, cancellationToken).ConfigureAwait(false), "trainKerasJob");

    /// <summary>Starts generating features for a DSP block (generateFeaturesJob).</summary>
    /// <param name="projectId">Project ID.</param>
    /// <param name="body">Which DSP block (<see cref="GenerateFeaturesRequest.DspId"/>) and how.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The started job.</returns>
    /// <exception cref="EdgeImpulseApiException">The job could not be started.</exception>
    async Task<JobOperation> StartGenerateFeaturesAsync(int projectId, GenerateFeaturesRequest body, CancellationToken cancellationToken = default) =>
        JobOperation.ForStarted(this, projectId, await GenerateFeaturesJobAsync(projectId, body, cancellationToken).ConfigureAwait(false), "generateFeaturesJob");

    /// <summary>Starts autotuning a DSP block's parameters (autotuneDspJob); read the outcome with getAutotunerResults.</summary>
    /// <param name="projectId">Project ID.</param>
    /// <param name="body">Which DSP block (<see cref="AutotuneDspRequest.DspId"/>) and, optionally, a temporary config.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The started job.</returns>
    /// <exception cref="EdgeImpulseApiException">The job could not be started.</exception>
    async Task<JobOperation> StartAutotuneDspAsync(int projectId, AutotuneDspRequest body, CancellationToken cancellationToken = default) =>
        JobOperation.ForStarted(this, projectId, await AutotuneDspJobAsync(projectId, body, cancellationToken).ConfigureAwait(false), "autotuneDspJob");
}
