// Calls the simulator through the packed library, wired up the way an application would (DI + IHttpClientFactory).
using System;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated;
using EdgeImpulse.Generated.Npy;
using Microsoft.Extensions.DependencyInjection;

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
        return 0;
    }
}
