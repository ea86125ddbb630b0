// A quick look at bytes allocated per call (--alloc): each competitor called sequentially, warmed up, then
// GC.GetTotalAllocatedBytes(precise) around a batch, the same counter BenchmarkDotNet's MemoryDiagnoser reads. Seconds
// instead of minutes, for checking a change to the per-call path; the published figures stay BenchmarkDotNet's.
using System;
using System.Globalization;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated.Benchmarks;

internal static class AllocationProbe
{
    public static async Task<int> RunAsync()
    {
        var api = new ApiBenchmarks();
        api.Setup();
        try
        {
            var operations = new (string Name, int Calls, Func<Task>[] Competitors)[]
            {
                ("getDspConfig 11.6 KB", 2000, [api.DspConfigFloor, api.DspConfigLibrary, api.DspConfigStock]),
                ("getKeras 400 KB", 100, [api.KerasFloor, api.KerasLibrary, api.KerasStock]),
                ("setKeras POST", 2000, [api.SetKerasFloor, api.SetKerasLibrary, api.SetKerasStock]),
            };
            Console.WriteLine("| operation | floor | this client | NSwag stock | this client vs floor |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var (name, calls, competitors) in operations)
            {
                var perCall = new double[competitors.Length];
                for (var k = 0; k < competitors.Length; k++)
                {
                    for (var i = 0; i < 100; i++)
                    {
                        await competitors[k]();
                    }

                    var before = GC.GetTotalAllocatedBytes(precise: true);
                    for (var i = 0; i < calls; i++)
                    {
                        await competitors[k]();
                    }

                    perCall[k] = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {perCall[0]:F0} B | {perCall[1]:F0} B | {perCall[2]:F0} B | {perCall[1] / perCall[0]:F3}x |"));
            }
        }
        finally
        {
            api.Cleanup();
        }

        return 0;
    }
}
