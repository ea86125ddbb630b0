// CUSTOM: the deployment path after training as one call: start buildOnDeviceModelJob, wait for it with the JobOperation
// machinery (progress, timeout, cancellation, the failed job's log), then download the package it built by its
// deploymentVersion (downloadHistoricDeployment, the current download; downloadBuild is deprecated upstream).
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated;

/// <content>Workflow helper: build a deployment, wait, download it.</content>
public partial class EdgeImpulseClient
{
    private const string BuildOperationId = "buildOnDeviceModelJob";

    /// <summary>Builds a deployment of the project's impulse (buildOnDeviceModelJob), waits for the job, and opens its download.</summary>
    /// <remarks>
    /// The package is downloaded by the <c>deploymentVersion</c> the build got (downloadHistoricDeployment), so a build
    /// someone else starts meanwhile cannot be mixed up with this one. Dispose the result to release the connection; read
    /// <see cref="DeploymentDownload.File"/> once. To write the package somewhere instead, use
    /// <see cref="BuildAndDownloadDeploymentToStreamAsync"/>.
    /// </remarks>
    /// <param name="projectId">Project ID.</param>
    /// <param name="type">The deployment target's format, e.g. <c>zip</c> (C++ library) or <c>arduino</c>: a <c>format</c> listed by listDeploymentTargetsForProject.</param>
    /// <param name="request">The engine (required), the model variant and the target's custom parameters.</param>
    /// <param name="options">How to wait; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the calls and the wait.</param>
    /// <returns>The finished job, the deployment version and the open download.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> is empty, or <paramref name="request"/> lacks the engine.</exception>
    /// <exception cref="EdgeImpulseJobFailedException">The build failed (the exception carries its last log lines).</exception>
    /// <exception cref="EdgeImpulseJobTimeoutException">The wait timed out.</exception>
    /// <exception cref="EdgeImpulseApiException">A call failed, e.g. the Studio refused the build (an engine the target does not support).</exception>
    public virtual async Task<DeploymentDownload> BuildAndDownloadDeploymentAsync(int projectId, string type, BuildOnDeviceModelRequest request, JobWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (job, version) = await BuildDeploymentAsync(projectId, type, request, options, cancellationToken).ConfigureAwait(false);
        var file = await AfterJobAsync(job, () => Deployment.DownloadHistoricDeploymentAsync(projectId, version, cancellationToken)).ConfigureAwait(false);
        return new DeploymentDownload(job, version, file, file.FileName ?? $"{type}-v{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}.zip");
    }

    /// <summary>Builds a deployment of the project's impulse, waits for the job, and copies the package it built to <paramref name="destination"/>.</summary>
    /// <remarks>The stream is written from its current position and left open; the package is never held in memory whole.</remarks>
    /// <param name="projectId">Project ID.</param>
    /// <param name="type">The deployment target's format, e.g. <c>zip</c> (C++ library): a <c>format</c> listed by listDeploymentTargetsForProject.</param>
    /// <param name="request">The engine (required), the model variant and the target's custom parameters.</param>
    /// <param name="destination">Where the package goes, e.g. a <see cref="FileStream"/>.</param>
    /// <param name="options">How to wait; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the calls, the wait and the copy.</param>
    /// <returns>The finished job, the deployment version, the package's file name and how many bytes were written.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> is empty, <paramref name="request"/> lacks the engine, or <paramref name="destination"/> cannot be written.</exception>
    /// <exception cref="EdgeImpulseJobFailedException">The build failed (the exception carries its last log lines).</exception>
    /// <exception cref="EdgeImpulseJobTimeoutException">The wait timed out.</exception>
    /// <exception cref="EdgeImpulseApiException">A call failed, or the download broke off.</exception>
    public virtual async Task<DeploymentPackageInfo> BuildAndDownloadDeploymentToStreamAsync(int projectId, string type, BuildOnDeviceModelRequest request, Stream destination, JobWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream is not writable.", nameof(destination));
        }

        using var download = await BuildAndDownloadDeploymentAsync(projectId, type, request, options, cancellationToken).ConfigureAwait(false);
        long written = 0;
        var buffer = new byte[81920];
        int read;
        while ((read = await download.File.Stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            written += read;
        }

        return new DeploymentPackageInfo(download.Job, download.DeploymentVersion, download.FileName, written);
    }

    // Starts the build and waits for it; the start's answer must carry the job id and the deployment version.
    private async Task<(Job Job, int DeploymentVersion)> BuildDeploymentAsync(int projectId, string type, BuildOnDeviceModelRequest request, JobWaitOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(request);
        var started = await Jobs.BuildOnDeviceModelJobAsync(projectId, type, request, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (started.Id is not { } jobId || jobId <= 0)
        {
            throw new EdgeImpulseApiException($"{BuildOperationId} returned no job id.", BuildOperationId, 200, null, null, null);
        }

        if (started.DeploymentVersion is not { } version)
        {
            throw new EdgeImpulseApiException($"{BuildOperationId} started job {jobId} but returned no deploymentVersion to download its package by.", BuildOperationId, 200, null, null, null);
        }

        var job = await Jobs.AttachToJob(projectId, jobId).WaitForCompletionAsync(options, cancellationToken).ConfigureAwait(false);
        return (job, version);
    }
}
