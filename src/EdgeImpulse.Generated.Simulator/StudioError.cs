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

    public static StudioError MissingCredentials() => new(401, "Missing authentication: send an API key (x-api-key) or a JWT token (x-jwt-token)");

    public static StudioError InvalidApiKey() => new(401, "Invalid API key");

    public static StudioError NoSuchRoute(string method, string path) => new(404, $"Cannot {method} {path}");
}
