// CUSTOM: the common "start a job, wait, read its result" paths as one call each, a few lines over the generated
// operations and JobOperation. Virtual, so a test double of the client can answer them directly.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated;

/// <content>Workflow helpers: train, generate features, autotune, profile — and wait.</content>
public partial class EdgeImpulseClient
{
    /// <summary>Trains a Keras learn block and waits for it, then reads the trained model's metadata.</summary>
    /// <remarks>
    /// With <paramref name="settings"/>, they are first stored with setKeras (so the block's saved configuration is the
    /// one the model was trained with) and then sent with trainKerasJob; without, the stored settings are used.
    /// </remarks>
    /// <param name="projectId">Project ID.</param>
    /// <param name="learnId">Learn block ID (from the impulse).</param>
    /// <param name="settings">Training settings to store and train with; null to train with the stored ones.</param>
    /// <param name="options">How to wait; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the calls and the wait.</param>
    /// <returns>The finished job and getKerasMetadata's answer.</returns>
    /// <exception cref="EdgeImpulseJobFailedException">Training failed.</exception>
    /// <exception cref="EdgeImpulseJobTimeoutException">The wait timed out.</exception>
    /// <exception cref="EdgeImpulseApiException">A call failed.</exception>
    public virtual async Task<KerasTrainingResult> TrainKerasAsync(int projectId, int learnId, SetKerasParameterRequest? settings = null, JobWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (settings is not null)
        {
            await Learn.SetKerasAsync(projectId, learnId, settings, cancellationToken).ConfigureAwait(false);
        }

        var operation = await Jobs.StartTrainKerasAsync(projectId, learnId, settings ?? new SetKerasParameterRequest(), cancellationToken).ConfigureAwait(false);
        var job = await operation.WaitForCompletionAsync(options, cancellationToken).ConfigureAwait(false);
        var metadata = await AfterJobAsync(job, () => Learn.GetKerasMetadataAsync(projectId, learnId, null, cancellationToken)).ConfigureAwait(false);
        return new KerasTrainingResult(job, metadata);
    }

    /// <summary>Generates features for a DSP block and waits for the job.</summary>
    /// <param name="projectId">Project ID.</param>
    /// <param name="request">Which DSP block and how (feature importance, normalization).</param>
    /// <param name="options">How to wait; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call and the wait.</param>
    /// <returns>The finished job.</returns>
    /// <exception cref="EdgeImpulseJobFailedException">Feature generation failed.</exception>
    /// <exception cref="EdgeImpulseJobTimeoutException">The wait timed out.</exception>
    /// <exception cref="EdgeImpulseApiException">A call failed.</exception>
    public virtual async Task<Job> GenerateFeaturesAsync(int projectId, GenerateFeaturesRequest request, JobWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var operation = await Jobs.StartGenerateFeaturesAsync(projectId, request, cancellationToken).ConfigureAwait(false);
        return await operation.WaitForCompletionAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Generates features for a DSP block with the Studio's defaults and waits for the job.</summary>
    /// <param name="projectId">Project ID.</param>
    /// <param name="dspId">DSP block ID (from the impulse).</param>
    /// <param name="options">How to wait; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call and the wait.</param>
    /// <returns>The finished job.</returns>
    /// <exception cref="EdgeImpulseJobFailedException">Feature generation failed.</exception>
    /// <exception cref="EdgeImpulseJobTimeoutException">The wait timed out.</exception>
    /// <exception cref="EdgeImpulseApiException">A call failed.</exception>
    public virtual Task<Job> GenerateFeaturesAsync(int projectId, int dspId, JobWaitOptions? options = null, CancellationToken cancellationToken = default) =>
        GenerateFeaturesAsync(projectId, new GenerateFeaturesRequest { DspId = dspId }, options, cancellationToken);

    /// <summary>Autotunes a DSP block's parameters, waits for the job, and reads the results (getAutotunerResults).</summary>
    /// <param name="projectId">Project ID.</param>
    /// <param name="request">Which DSP block and, optionally, a temporary config to tune from.</param>
    /// <param name="options">How to wait; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the calls and the wait.</param>
    /// <returns>The autotuner's results.</returns>
    /// <exception cref="EdgeImpulseJobFailedException">Autotuning failed.</exception>
    /// <exception cref="EdgeImpulseJobTimeoutException">The wait timed out.</exception>
    /// <exception cref="EdgeImpulseApiException">A call failed.</exception>
    public virtual async Task<DspAutotunerResults> AutotuneDspAsync(int projectId, AutotuneDspRequest request, JobWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dspId = request.DspId ?? throw new ArgumentException($"{nameof(AutotuneDspRequest)} is missing fields the API requires: {nameof(AutotuneDspRequest.DspId)}.", nameof(request));
        var operation = await Jobs.StartAutotuneDspAsync(projectId, request, cancellationToken).ConfigureAwait(false);
        var job = await operation.WaitForCompletionAsync(options, cancellationToken).ConfigureAwait(false);
        return await AfterJobAsync(job, () => Dsp.GetAutotunerResultsAsync(projectId, dspId, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Profiles a custom DSP block, waits for the job, and reads the result (getProfileTfliteJobResult).</summary>
    /// <param name="projectId">Project ID.</param>
    /// <param name="dspId">DSP block ID (from the impulse).</param>
    /// <param name="body">The DSP parameters to profile with.</param>
    /// <param name="options">How to wait; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the calls and the wait.</param>
    /// <returns>The profiling result (RAM, ROM, time per inference).</returns>
    /// <exception cref="EdgeImpulseJobFailedException">Profiling failed.</exception>
    /// <exception cref="EdgeImpulseJobTimeoutException">The wait timed out.</exception>
    /// <exception cref="EdgeImpulseApiException">A call failed.</exception>
    public virtual async Task<ProfileTfLiteResponse> ProfileDspAsync(int projectId, int dspId, DspRunRequestWithoutFeaturesReadOnly body, JobWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var operation = await Dsp.StartProfileAsync(projectId, dspId, body, cancellationToken).ConfigureAwait(false);
        var job = await operation.WaitForCompletionAsync(options, cancellationToken).ConfigureAwait(false);
        return await AfterJobAsync(job, () => Jobs.GetProfileTfliteJobResultAsync(projectId, operation.JobId, cancellationToken)).ConfigureAwait(false);
    }

    // Reads a finished job's result; a failure keeps the job (and its id), so the caller re-reads instead of re-running it.
    private static async Task<T> AfterJobAsync<T>(Job job, System.Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (EdgeImpulseApiException failure)
        {
            throw new EdgeImpulseApiException(
                $"Job {job.Id} finished successfully, but reading its result failed: {failure.Message}",
                failure.OperationId,
                failure.Status,
                failure.ErrorText,
                failure.ContentType,
                failure.BodyExcerpt,
                failure)
            {
                RetryAfter = failure.RetryAfter,
                CompletedJob = job,
            };
        }
    }
}
