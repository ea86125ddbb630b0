// Calls the simulator through the packed library, wired up the way an application would (DI + IHttpClientFactory).
// With the simulator package (EDGEIMPULSE_SIMULATOR_PACKAGE), it then does what a user's test does with it: starts
// a simulator in-process, scripts a failing job and injects a fault.
using System;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated;
using EdgeImpulse.Generated.Npy;
using Microsoft.Extensions.DependencyInjection;
#if EDGEIMPULSE_SIMULATOR_PACKAGE
using System.Linq;
using EdgeImpulse.Generated.Simulator;
#endif

internal static class Program
{
    private static async Task<int> Main()
    {
        var baseUrl = new Uri(Environment.GetEnvironmentVariable("EI_BASE_URL") ?? throw new InvalidOperationException("EI_BASE_URL is not set."));
        var projectId = int.Parse(Environment.GetEnvironmentVariable("EI_PROJECT_ID") ?? "52187", System.Globalization.CultureInfo.InvariantCulture);

        var services = new ServiceCollection();
        services.AddEdgeImpulseClient(options =>
        {
            options.BaseUrl = baseUrl;
            options.ApiKey = Environment.GetEnvironmentVariable("EI_API_KEY");
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<EdgeImpulseClient>();

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var impulse = (await client.Impulse.GetImpulseAsync(projectId, cancellationToken: timeout.Token)).Impulse
            ?? throw new InvalidOperationException("getImpulse returned no impulse.");
        var learnId = impulse.LearnBlocks[0].Id ?? throw new InvalidOperationException("The learn block has no id.");
        var keras = await client.Learn.GetKerasAsync(projectId, learnId, timeout.Token);

        var dspId = impulse.DspBlocks[0].Id ?? throw new InvalidOperationException("The DSP block has no id.");
        var job = await client.GenerateFeaturesAsync(projectId, dspId, new JobWaitOptions { InitialPollInterval = TimeSpan.FromMilliseconds(200) }, timeout.Token);
        NpyArray features = await client.Dsp.DownloadDspDataArrayAsync(projectId, dspId, RawDataCategory.Training, cancellationToken: timeout.Token);

        Console.WriteLine($"EdgeImpulse.Generated {typeof(EdgeImpulseClient).Assembly.GetName().Version} from {typeof(EdgeImpulseClient).Assembly.Location}");
        Console.WriteLine($"impulse '{impulse.Name}': {impulse.DspBlocks.Count} DSP block(s), learn block {learnId} '{keras.Name}', {keras.TrainingCycles} training cycles");
        Console.WriteLine($"features job {job.Id} finished (successful: {job.FinishedSuccessful}); training features: {features}");
#if EDGEIMPULSE_SIMULATOR_PACKAGE
        await InProcessSimulatorAsync(timeout.Token);
#endif
        return 0;
    }

#if EDGEIMPULSE_SIMULATOR_PACKAGE
    // What a user's NUnit/xUnit test does with the simulator package (README: "Testing with the simulator").
    private static async Task InProcessSimulatorAsync(CancellationToken cancellationToken)
    {
        await using var sim = await StudioSimulator.StartAsync(new SimulatorOptions { Jobs = JobTimings.Fast }, cancellationToken);
        using var client = new EdgeImpulseClient(new EdgeImpulseClientOptions { BaseUrl = sim.BaseUrl, ApiKey = sim.ApiKey });
        var wait = new JobWaitOptions { InitialPollInterval = TimeSpan.FromMilliseconds(100) };

        sim.Faults.Add(new Fault { Kind = FaultKind.JobFails, OperationId = "generateFeaturesJob", JobFailureMessage = "ERR: out of memory (scripted)" });
        try
        {
            await client.GenerateFeaturesAsync(sim.ProjectId, sim.DspId, wait, cancellationToken);
            throw new InvalidOperationException("the scripted job failure did not fail the job");
        }
        catch (EdgeImpulseJobFailedException failed) when (failed.Message.Contains("out of memory (scripted)", StringComparison.Ordinal))
        {
            Console.WriteLine($"in-process simulator {sim.BaseUrl}: scripted failure seen: {failed.Message}");
        }

        sim.Faults.Add(new Fault { Kind = FaultKind.ServerError, OperationId = "getImpulse", Status = 503 });
        try
        {
            await client.Impulse.GetImpulseAsync(sim.ProjectId, cancellationToken: cancellationToken);
            Console.WriteLine("in-process simulator: the injected 503 was retried");
        }
        catch (EdgeImpulseException ex) when (ex is EdgeImpulseApiException { Status: 503 })
        {
            Console.WriteLine($"in-process simulator: injected fault seen: HTTP {((EdgeImpulseApiException)ex).Status}");
        }

        var injected = sim.Requests.Count(r => r.Fault is not null);
        if (injected != 2)
        {
            throw new InvalidOperationException($"expected the 2 scripted faults to hit, {injected} did");
        }

        var job = await client.GenerateFeaturesAsync(sim.ProjectId, sim.DspId, wait, cancellationToken);
        Console.WriteLine($"in-process simulator: after the faults, features job {job.Id} succeeded: {job.FinishedSuccessful}");
    }
#endif
}
