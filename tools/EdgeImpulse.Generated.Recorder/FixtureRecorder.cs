using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.SpecTool;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Recorder;

/// <summary>
/// Calls the safe operations of <see cref="RecordingPlan"/> one after another, in table order, then sanitizes every
/// successful response and writes it as a stable fixture. A failed call is reported and writes nothing.
/// </summary>
internal static class FixtureRecorder
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The tool's entry point, with the environment, console and HTTP handler injected (tests run it in-process).</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="environment">Environment variables (EI_API_KEY, EI_PROJECT_ID, ...).</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="error">Where usage and fatal errors go.</param>
    /// <param name="handler">An HTTP handler to send through (an in-process server); null for a real network connection.</param>
    /// <param name="specPath">The spec; null for the repository's openapi.yaml.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>0 when everything planned was recorded, 1 when a call failed or the spec could not be read, 2 for a usage error.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string?> environment,
        TextWriter output,
        TextWriter error,
        HttpMessageHandler? handler = null,
        string? specPath = null,
        CancellationToken cancellationToken = default)
    {
        if (RecorderSettings.IsHelp(args))
        {
            await output.WriteLineAsync(RecorderSettings.Usage).ConfigureAwait(false);
            return Success;
        }

        RecorderSettings settings;
        try
        {
            settings = RecorderSettings.Parse(args, environment);
        }
        catch (RecorderUsageException ex)
        {
            await error.WriteLineAsync($"recorder: {ex.Message}\n\n{RecorderSettings.Usage}").ConfigureAwait(false);
            return UsageError;
        }

        // From here on every line printed goes through the sanitizer: server error texts may echo the key.
        var sanitizer = new Sanitizer([settings.Credential.Secret]);
        RecordingPlan plan;
        try
        {
            // The corrections sit next to the spec, as in the repository.
            var spec = Path.GetFullPath(specPath ?? Path.Combine(RecorderSettings.RepoRoot, "openapi.yaml"));
            var catalog = SpecCatalog.Load(spec, Path.Combine(Path.GetDirectoryName(spec)!, "corrections.overlay.yaml"));
            plan = RecordingPlan.Build(catalog, settings);
        }
        catch (Exception ex) when (ex is SpecToolException or IOException or YamlDotNet.Core.YamlException or JsonException)
        {
            await error.WriteLineAsync(sanitizer.SanitizeText($"recorder: error: {ex.Message}")).ConfigureAwait(false);
            return Failure;
        }

        await output.WriteLineAsync(sanitizer.SanitizeText(
            $"Recording {plan.Calls.Count} operations from {settings.DisplayBaseUrl} into {settings.OutputDirectory} " +
            $"(project {settings.ProjectId}, DSP block {settings.DspId}, learn block {settings.LearnId}; " +
            $"authenticated by {settings.Credential.HeaderName} from {settings.Credential.Source})")).ConfigureAwait(false);

        var outcomes = new List<CallOutcome>();
        using (var client = CreateClient(handler))
        {
            foreach (var call in plan.Calls)
            {
                outcomes.Add(await CallAsync(client, settings, call, cancellationToken).ConfigureAwait(false));
            }
        }

        // Learn the identities from every response first, so a name seen in one is scrubbed from all of them.
        foreach (var outcome in outcomes.Where(o => o.Json is not null))
        {
            sanitizer.LearnIdentities(outcome.Json!);
        }

        foreach (var outcome in outcomes)
        {
            if (outcome.FailureReason is { } reason)
            {
                await output.WriteLineAsync(sanitizer.SanitizeText($"  FAILED    {outcome.Call.Operation.OperationId}: {reason} (nothing written)")).ConfigureAwait(false);
                continue;
            }

            var content = outcome.Json is { } json
                ? StableJson.Format(sanitizer.Sanitize(json))
                : sanitizer.SanitizeText(outcome.Text!.ReplaceLineEndings("\n"));
            var path = Path.Combine(settings.OutputDirectory, outcome.Call.FixturePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content, Utf8NoBom, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"  recorded  {outcome.Call.FixturePath}").ConfigureAwait(false);
        }

        foreach (var skipped in plan.Skipped)
        {
            await output.WriteLineAsync($"  skipped   {skipped.OperationId}: {skipped.Reason}").ConfigureAwait(false);
        }

        var failed = outcomes.Count(o => o.FailureReason is not null);
        await output.WriteLineAsync($"Done: {outcomes.Count - failed} recorded, {failed} failed, {plan.Skipped.Count} skipped.").ConfigureAwait(false);
        return failed == 0 ? Success : Failure;
    }

    private static HttpClient CreateClient(HttpMessageHandler? handler)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.Timeout = TimeSpan.FromSeconds(100);
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("EdgeImpulse.Generated.Recorder", "1.0"));
        return client;
    }

    private static async Task<CallOutcome> CallAsync(HttpClient client, RecorderSettings settings, PlannedCall call, CancellationToken cancellationToken)
    {
        // Concatenate rather than combine: Uri resolution would drop the base's /v1 path for an absolute /api/... path.
        var url = new Uri(settings.BaseUrl.AbsoluteUri.TrimEnd('/') + call.RelativeUrl);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation(settings.Credential.HeaderName, settings.Credential.Secret);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(call.Operation.ResponseContentType));
        string body;
        string? contentType;
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            contentType = response.Content.Headers.ContentType?.MediaType;
            if (!response.IsSuccessStatusCode)
            {
                return CallOutcome.Failed(call, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {ErrorExcerpt(body)}");
            }
        }
        catch (HttpRequestException ex)
        {
            return CallOutcome.Failed(call, $"no response: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CallOutcome.Failed(call, $"no response within {client.Timeout.TotalSeconds:0} s");
        }

        if (!call.IsJson && contentType != "application/json")
        {
            return new CallOutcome(call, null, body, null);
        }

        // A text operation answering JSON is an error envelope; JSON operations must say success:true.
        JToken json;
        try
        {
            json = StableJson.Parse(body);
        }
        catch (JsonReaderException)
        {
            return CallOutcome.Failed(call, $"the response is not JSON ({contentType ?? "no content type"}): {ErrorExcerpt(body)}");
        }

        if (json is not JObject envelope || envelope["success"]?.Type != JTokenType.Boolean || !(bool)envelope["success"]!)
        {
            return CallOutcome.Failed(call, $"success is not true: {ErrorExcerpt(body)}");
        }

        return call.IsJson
            ? new CallOutcome(call, json, null, null)
            : CallOutcome.Failed(call, $"expected {call.Operation.ResponseContentType}, got a JSON envelope");
    }

    private static string ErrorExcerpt(string body)
    {
        try
        {
            if (StableJson.Parse(body) is JObject { } obj && (string?)obj["error"] is { } message)
            {
                return message;
            }
        }
        catch (JsonReaderException)
        {
            // Not JSON: show the start of the text.
        }

        var text = body.ReplaceLineEndings(" ").Trim();
        return text.Length <= 200 ? text : text[..200] + "...";
    }

    private sealed record CallOutcome(PlannedCall Call, JToken? Json, string? Text, string? FailureReason)
    {
        public static CallOutcome Failed(PlannedCall call, string reason) => new(call, null, null, reason);
    }
}
