using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>
/// Standalone mode, for tests that need the simulator in its own process:
/// <c>dotnet run --project src/EdgeImpulse.Generated.Simulator -- [--port 5000] [--api-key K] [--fast] [--trained]</c>.
/// Prints one line with the base URL, then serves until Ctrl+C or SIGTERM.
/// </summary>
internal static class Program
{
    private const string Usage = "usage: EdgeImpulse.Generated.Simulator [--port <port, 0 = free>] [--api-key <key>] [--seed <n>] [--fast] [--trained] [--log]";

    public static async Task<int> Main(string[] args)
    {
        SimulatorOptions options;
        try
        {
            options = Parse(args);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        await using var simulator = await StudioSimulator.StartAsync(options, stop.Token).ConfigureAwait(false);

        // One line, parseable: the base URL is the last word. The API key is not printed (it was given, or is the documented default).
        Console.WriteLine($"Edge Impulse Studio simulator (project {simulator.ProjectId}) listening on {simulator.BaseUrl}");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    private static SimulatorOptions Parse(string[] args)
    {
        var options = new SimulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port":
                    options.Port = int.Parse(Value(args, ++i, "--port"), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--api-key":
                    options.ApiKey = Value(args, ++i, "--api-key");
                    break;
                case "--seed":
                    options.Seed = int.Parse(Value(args, ++i, "--seed"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    break;
                case "--fast":
                    options.Jobs = JobTimings.Fast;
                    break;
                case "--trained":
                    options.StartTrained = true;
                    break;
                case "--log":
                    options.ConsoleLogging = true;
                    break;
                default:
                    throw new FormatException($"Unknown argument '{args[i]}'.");
            }
        }

        return options;
    }

    private static string Value(string[] args, int index, string name) =>
        index < args.Length ? args[index] : throw new FormatException($"{name} needs a value.");
}
