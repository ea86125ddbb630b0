using System;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>
/// A failure the simulator answers with <c>{"success": false, "error": Message}</c>. Every text and status lives here.
/// </summary>
/// <remarks>
/// Statuses, chosen to match what the recordings show: the Studio reports a missing block, job, sample or a
/// not-yet-possible action with HTTP 200 and <c>success: false</c> (Common/error.success-false.json), an unknown
/// project with 404 (Common/error.project-not-found.json). Requests that break the spec get 400, missing or wrong
/// credentials 401, and paths that are no operation 404.
/// </remarks>
internal sealed class StudioError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static StudioError ProjectNotFound(long id) => new(404, $"Project {id} not found");

    public static StudioError DspBlockNotFound(long id) => new(200, $"No DSP block found with ID {id}");

    public static StudioError LearnBlockNotFound(long id) => new(200, $"No learning block found with ID {id}");

    public static StudioError ImpulseNotFound(long id) => new(200, $"No impulse found with ID {id}");

    public static StudioError JobNotFound(long id) => new(200, $"No job found with ID {id}");

    public static StudioError SampleNotFound(long id) => new(200, $"No sample found with ID {id}");

    public static StudioError ModelNotTrained(LearnBlock block) =>
        new(200, $"Learn block \"{block.Name}\" (ID {block.Id}) has no trained model yet. Train the model first.");

    public static StudioError FeaturesNotGenerated(DspBlock block) =>
        new(200, $"Features for DSP block \"{block.Name}\" (ID {block.Id}) have not been generated yet. Generate features first.");

    public static StudioError NotAProfileJob(long id) => new(200, $"Job {id} is not a profiling job");

    public static StudioError JobNotFinished(long id) => new(200, $"Job {id} has not finished yet");

    public static StudioError JobFailed(long id) => new(200, $"Job {id} did not finish successfully");

    public static StudioError InvalidRequest(string problem) => new(400, problem);

    /// <summary>An operation of the spec the simulator has no handler for: HTTP 200 and <c>success: false</c>, like any action the Studio refuses, so a client does not retry it.</summary>
    public static StudioError NotSimulated(string operationId) =>
        new(200, $"{operationId} is not simulated: the EdgeImpulse.Generated Studio simulator answers only the operations listed in StudioSimulator.OperationIds");

    public static StudioError UnknownDeploymentTarget(string type) => new(200, $"Unknown deployment target \"{type}\" (see listDeploymentTargetsForProject for the formats)");

    public static StudioError DeploymentTargetDisabled(string name, string? reason) => new(200, $"Deployment target \"{name}\" is disabled for this project: {reason ?? "no reason given"}");

    public static StudioError EngineNotSupported(string name, string engine, string supported) => new(200, $"Deployment target \"{name}\" does not support engine \"{engine}\" (supported: {supported})");

    public static StudioError ModelVariantNotSupported(string name, string modelType) => new(200, $"Deployment target \"{name}\" does not support the {modelType} model");

    /// <summary>A download of a build that does not exist, or not yet: 404, as a missing file.</summary>
    public static StudioError DeploymentVersionNotFound(long version) => new(404, $"No deployment found with version {version}");

    public static StudioError DeploymentNotReady(int version, long jobId, bool failed) => failed
        ? new(404, $"Deployment version {version} failed to build (job {jobId}); build it again")
        : new(404, $"Deployment version {version} is still building (job {jobId}); wait for the job to finish");

    public static StudioError NoDeploymentBuilt(string type) => new(404, $"No deployment of type \"{type}\" has been built yet: start buildOnDeviceModelJob first");

    public static StudioError OtherImpulseNotSimulated(long id, long simulated) => new(200, $"The simulator has one impulse (ID {simulated}): impulse {id} is not simulated");

    public static StudioError InvalidImpulse(string problem) => new(200, $"Invalid impulse: {problem}");

    public static StudioError BucketsNotSimulated() => new(200, "Data buckets are not simulated: leave bucketId empty to store the version in Edge Impulse hosted storage");

    public static StudioError MissingCredentials() => new(401, "Missing authentication: send an API key (x-api-key) or a JWT token (x-jwt-token)");

    public static StudioError InvalidApiKey() => new(401, "Invalid API key");

    public static StudioError NoSuchRoute(string method, string path) => new(404, $"Cannot {method} {path}");
}
