using System;
using System.Collections;
using System.Linq;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated.Recorder;

internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value);
        return FixtureRecorder.RunAsync(args, environment, Console.Out, Console.Error);
    }
}
