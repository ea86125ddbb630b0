// The README's first command: the whole train-a-Keras-model workflow, against the embedded simulator by default
// or against the real Studio when EI_API_KEY and EI_PROJECT_ID are set.
using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Simulator;

namespace EdgeImpulse.Generated.Sample;

internal static class Program
{
    private const string Usage = """
        usage: dotnet run --project src/EdgeImpulse.Generated.Sample [-- --project-id N]

          With no settings, starts the embedded Studio simulator on 127.0.0.1 and runs the workflow against it.
          To run against the real Studio, set EI_API_KEY (a project API key) and EI_PROJECT_ID (or --project-id).
          EI_BASE_URL overrides the API address. Against the real Studio the sample re-sends the block settings
          it read (it changes no setting), and the jobs it starts (feature generation, training, a C++ library
          deployment build, which adds a deployment version to the project) really run.
        """;

    private static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var apiKey = Environment.GetEnvironmentVariable("EI_API_KEY");
        var projectIdText = args.Length == 2 && args[0] == "--project-id" ? args[1] : Environment.GetEnvironmentVariable("EI_PROJECT_ID");
        if ((args.Length != 0 && args.Length != 2) || (args.Length == 2 && args[0] != "--project-id"))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        try
        {
            if (string.IsNullOrEmpty(apiKey))
            {
                Console.WriteLine("No EI_API_KEY set: starting the embedded Studio simulator (set EI_API_KEY and EI_PROJECT_ID for the real Studio).");
                await using var simulator = await StudioSimulator.StartAsync(null, stop.Token).ConfigureAwait(false);
                Console.WriteLine($"Simulator listening on {simulator.BaseUrl}");
                using var simulated = new EdgeImpulseClient(new EdgeImpulseClientOptions { BaseUrl = simulator.BaseUrl, ApiKey = simulator.ApiKey });
                await TrainingWorkflow.RunAsync(simulated, simulator.ProjectId, Console.Out, stop.Token).ConfigureAwait(false);
                return 0;
            }

            if (!int.TryParse(projectIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var projectId))
            {
                Console.Error.WriteLine("EI_API_KEY is set, so a project id is needed too: set EI_PROJECT_ID or pass --project-id N.");
                return 2;
            }

            var options = new EdgeImpulseClientOptions { ApiKey = apiKey };
            if (Environment.GetEnvironmentVariable("EI_BASE_URL") is { Length: > 0 } baseUrl)
            {
                options.BaseUrl = new Uri(baseUrl);
            }

            Console.WriteLine($"Running against {options.BaseUrl}, project {projectId}.");
            using var client = new EdgeImpulseClient(options);
            await TrainingWorkflow.RunAsync(client, projectId, Console.Out, stop.Token).ConfigureAwait(false);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
        catch (EdgeImpulseJobFailedException failed)
        {
            Console.Error.WriteLine($"Job failed: {failed.Message}");
            foreach (var line in failed.LastLogLines)
            {
                Console.Error.WriteLine($"  | {line.Data?.TrimEnd()}");
            }

            return 1;
        }
        catch (EdgeImpulseApiException error)
        {
            // The message names the operation, status and the Studio's error text; it never contains the key.
            Console.Error.WriteLine($"API call failed: {error.Message}");
            return 1;
        }
    }
}
