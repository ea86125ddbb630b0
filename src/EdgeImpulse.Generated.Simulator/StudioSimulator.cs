using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>
/// An Edge Impulse Studio stand-in on 127.0.0.1: the operations of the train → deploy → download path, answered from
/// the recorded fixtures, with state (DSP and Keras settings, generated features, trained models, deployment builds and
/// their packages, impulse edits, versions, jobs that run over time and log), request validation against the spec, and
/// injectable faults. Every other operation of the corrected spec answers <c>success: false</c> naming it.
/// </summary>
/// <example>
/// <code>
/// await using var sim = await StudioSimulator.StartAsync(new SimulatorOptions { Jobs = JobTimings.Fast });
/// using var client = new EdgeImpulseClient(new EdgeImpulseClientOptions { BaseUrl = sim.BaseUrl, ApiKey = sim.ApiKey });
/// var impulse = await client.Impulse.GetImpulseAsync(sim.ProjectId);
/// </code>
/// </example>
public sealed class StudioSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestPipeline _pipeline;
    private readonly StudioState _state;

    private StudioSimulator(WebApplication app, RequestPipeline pipeline, StudioState state, FaultList faults, Uri baseUrl, string apiKey)
    {
        _app = app;
        _pipeline = pipeline;
        _state = state;
        Faults = faults;
        BaseUrl = baseUrl;
        ApiKey = apiKey;
    }

    /// <summary>Gets the API base address, e.g. <c>http://127.0.0.1:41234/v1</c> (what the client's BaseUrl takes).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Gets the API key requests must send as <c>x-api-key</c>.</summary>
    public string ApiKey { get; }

    /// <summary>Gets the id of the simulated project (from the recordings: 52187).</summary>
    public int ProjectId => checked((int)_state.ProjectId);

    /// <summary>Gets the id of the impulse's first DSP block (from the recordings: 3).</summary>
    public int DspId => checked((int)_state.DspBlocks.Keys.First());

    /// <summary>Gets the id of the impulse's first learn block, the Keras classifier (from the recordings: 4).</summary>
    public int LearnId => checked((int)_state.LearnBlocks.Keys.First());

    /// <summary>Gets the faults to inject; add to it at any time.</summary>
    public FaultList Faults { get; }

    /// <summary>Gets every request received so far, oldest first (a snapshot).</summary>
    public IReadOnlyList<SimulatorRequest> Requests => _pipeline.Requests;

    /// <summary>
    /// Gets the operationIds (the Studio's, as on the wire) the simulator answers with state. Every other operation of the
    /// corrected spec is routed, authenticated and answered with HTTP 200 and <c>{"success": false, "error": "&lt;operationId&gt; is not simulated: ..."}</c>.
    /// </summary>
    public IReadOnlyCollection<string> OperationIds => _pipeline.Handlers.Keys.ToArray();

    /// <summary>Starts a simulator on 127.0.0.1.</summary>
    /// <param name="options">The settings; null for the defaults (a free port, <see cref="SimulatorOptions.DefaultApiKey"/>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator; dispose it to stop it.</returns>
    public static async Task<StudioSimulator> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        if (string.IsNullOrEmpty(options.ApiKey))
        {
            throw new ArgumentException("SimulatorOptions.ApiKey must not be empty.", nameof(options));
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "SimulatorOptions.Port must be 0 (any free port) or a TCP port.");
        }

        var operations = StudioSpec.Operations;
        var faults = new FaultList();
        var state = new StudioState(new FixtureStore(options), options);
        var pipeline = new RequestPipeline(state, operations, faults, options.ApiKey, options.TimeProvider);
        EnsureEveryOperationIsHandled(operations, pipeline.Handlers);

        // Build the request schemas of the simulated operations now, so the first request with a body does not pay for it.
        await Task.WhenAll(operations.Where(o => o.RequestSchema is not null && pipeline.Handlers.ContainsKey(o.OperationId)).Select(StudioSpec.RequestSchemaAsync)).WaitAsync(cancellationToken).ConfigureAwait(false);

        // Explicit about everything configuration could otherwise change: content root, listener, logging, shutdown.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(StudioSimulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        app.Run(pipeline.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.TrimEnd('/') + RouteTable.Prefix);
        return new StudioSimulator(app, pipeline, state, faults, baseUrl, options.ApiKey);
    }

    /// <summary>Forgets the requests received so far.</summary>
    public void ClearRequests() => _pipeline.ClearRequests();

    /// <summary>Stops the server and releases the port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    // The spec has every public operation; the simulator answers those of the train → deploy → download path (the others
    // answer success:false naming themselves). A handler must still name an operation of the spec (a renamed or removed
    // operation is noticed at start).
    private static void EnsureEveryOperationIsHandled(IReadOnlyList<OperationSpec> operations, IReadOnlyDictionary<string, Func<OperationCall, SimResponse>> handlers)
    {
        var specified = operations.Select(o => o.OperationId).ToHashSet(StringComparer.Ordinal);
        var extra = handlers.Keys.Where(id => !specified.Contains(id)).ToArray();
        if (extra.Length > 0)
        {
            throw new InvalidOperationException($"The simulator has handlers for operations the corrected spec does not have: [{string.Join(", ", extra)}].");
        }
    }
}
