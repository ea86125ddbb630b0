// Entry point: runs the BenchmarkDotNet suite, then the peak-memory measurement of the downloads (each download in a
// fresh process, since a process's peak working set only ever grows). Arguments go to BenchmarkDotNet
// (e.g. --filter '*Download*'); --smoke runs every benchmark once (CI), --peak <kind> is the child mode.
using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using EdgeImpulse.Generated.Benchmarks;

if (args.Length == 2 && args[0] == "--peak")
{
    return await PeakMemory.MeasureOneAsync(args[1]);
}

var smoke = args.Contains("--smoke");
var rest = args.Where(a => a is not "--smoke" and not "--no-peak").ToArray();
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkSettings).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest, BenchmarkSettings.Create(smoke));
if (summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)))
{
    Console.Error.WriteLine("A benchmark failed; see the log above.");
    return 1;
}

if (!smoke && !args.Contains("--no-peak"))
{
    await PeakMemory.MeasureAllAsync();
}

return 0;
