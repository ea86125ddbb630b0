using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>
/// Every request goes through here: record it, inject a fault, authenticate, match the spec operation, check the
/// parameters, project and body, run the handler under the state lock, write the answer.
/// </summary>
internal sealed class RequestPipeline(StudioState state, IReadOnlyList<OperationSpec> operations, FaultList faults, string apiKey, TimeProvider time)
{
    private readonly RouteTable _routes = new(operations);
    private readonly ConcurrentQueue<SimulatorRequest> _requests = new();

    public IReadOnlyList<SimulatorRequest> Requests => _requests.ToArray();

    /// <summary>Gets the handlers of the simulated operations; the spec's other operations are not simulated (<see cref="StudioError.NotSimulated"/>).</summary>
    public IReadOnlyDictionary<string, Func<OperationCall, SimResponse>> Handlers { get; } = new StudioOperations(state).Handlers;

    public void ClearRequests() => _requests.Clear();

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var aborted = context.RequestAborted;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(aborted).ConfigureAwait(false);
        }

        var path = request.Path.Value ?? "/";
        var match = _routes.Match(request.Method, path);
        var operation = match?.Operation;
        var fault = faults.Take(operation?.OperationId);
        _requests.Enqueue(new SimulatorRequest(operation?.OperationId, request.Method, path, request.QueryString.Value ?? string.Empty, body, fault?.Kind, time.GetUtcNow()));

        switch (fault?.Kind)
        {
            case FaultKind.DropConnection:
                context.Abort();
                return;
            case FaultKind.RateLimited:
                var seconds = Math.Max(1, (int)Math.Ceiling(fault.RetryAfter.TotalSeconds));
                var limited = SimResponse.Failure(429, "Too many requests, please try again later") with { ExtraHeader = ("Retry-After", seconds.ToString(CultureInfo.InvariantCulture)) };
                await WriteAsync(context, limited, truncate: false).ConfigureAwait(false);
                return;
            case FaultKind.ServerError:
                await WriteAsync(context, ServerError(fault.Status), truncate: false).ConfigureAwait(false);
                return;
            case FaultKind.Latency:
                try
                {
                    await Task.Delay(fault.Delay, aborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                break;
        }

        SimResponse response;
        try
        {
            response = await ProcessAsync(context, match, body, fault?.Kind == FaultKind.JobFails ? fault.JobFailureMessage : null).ConfigureAwait(false);
        }
        catch (StudioError error)
        {
            response = SimResponse.Failure(error.Status, error.Message);
        }

        await WriteAsync(context, response, truncate: fault?.Kind == FaultKind.TruncatedBody).ConfigureAwait(false);
    }

    private async Task<SimResponse> ProcessAsync(HttpContext context, (OperationSpec Operation, Dictionary<string, string> Values)? match, string body, string? jobFailure)
    {
        var request = context.Request;
        if (match is not var (operation, pathValues))
        {
            throw StudioError.NoSuchRoute(request.Method, request.Path.Value ?? "/");
        }

        Authenticate(request);

        // Before the parameters: an operation without a handler answers the same whatever it is sent (and some have no projectId).
        if (!Handlers.TryGetValue(operation.OperationId, out var handler))
        {
            throw StudioError.NotSimulated(operation.OperationId);
        }

        if (RequestValidator.CheckParameters(operation, pathValues, request.Query) is { } parameterProblem)
        {
            throw StudioError.InvalidRequest(parameterProblem);
        }

        var projectId = long.Parse(pathValues["projectId"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (projectId != state.ProjectId)
        {
            throw StudioError.ProjectNotFound(projectId);
        }

        JToken? json = null;
        if (operation.RequestSchema is not null)
        {
            (json, var bodyProblem) = await RequestValidator.CheckBodyAsync(operation, body).ConfigureAwait(false);
            if (bodyProblem is not null)
            {
                throw StudioError.InvalidRequest(bodyProblem);
            }
        }

        lock (state.Gate)
        {
            var now = time.GetUtcNow();
            state.Advance(now);
            state.ScriptedJobFailure = jobFailure;
            try
            {
                return handler(new OperationCall(operation, pathValues, request.Query, json, now));
            }
            finally
            {
                state.ScriptedJobFailure = null;
            }
        }
    }

    private void Authenticate(HttpRequest request)
    {
        var key = request.Headers["x-api-key"].ToString();
        var jwt = request.Headers["x-jwt-token"].ToString();
        if (jwt.Length > 0 || request.Cookies.ContainsKey("jwt"))
        {
            return;
        }

        if (key.Length == 0)
        {
            throw StudioError.MissingCredentials();
        }

        if (!string.Equals(key, apiKey, StringComparison.Ordinal))
        {
            throw StudioError.InvalidApiKey();
        }
    }

    private SimResponse ServerError(int status) => status == 502
        ? SimResponse.Text(state.Fixtures.Text("Common/error.bad-gateway.html"), "text/html", 502)
        : SimResponse.Failure(status, "Internal server error");

    private static async Task WriteAsync(HttpContext context, SimResponse response, bool truncate)
    {
        var http = context.Response;
        var aborted = context.RequestAborted;
        http.StatusCode = response.Status;
        http.ContentType = response.ContentType;
        http.ContentLength = response.Length;
        if (response.ExtraHeader is var (name, value))
        {
            http.Headers[name] = value;
        }

        try
        {
            if (!truncate)
            {
                await response.WriteBodyAsync(http.Body, aborted).ConfigureAwait(false);
                return;
            }

            // Announce the whole body, send half of it, then cut the connection.
            using var buffer = new MemoryStream();
            await response.WriteBodyAsync(buffer, aborted).ConfigureAwait(false);
            await http.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)(buffer.Length / 2)), aborted).ConfigureAwait(false);
            await http.Body.FlushAsync(aborted).ConfigureAwait(false);
            context.Abort();
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client went away mid-body; nothing left to tell it.
        }
    }
}
