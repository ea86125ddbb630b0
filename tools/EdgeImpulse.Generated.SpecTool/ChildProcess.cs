using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>Runs a child process to completion, or kills it (with its children) when it exceeds its time limit.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Starts the process with both outputs redirected and waits up to <paramref name="timeout"/>. On expiry the
    /// whole process tree is killed and the result says so, instead of the caller waiting forever.
    /// </summary>
    public static (int ExitCode, string Output, bool TimedOut) Run(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new SpecToolException($"could not start {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var timedOut = !process.WaitForExit(timeout);
        if (timedOut)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(30));
        }

        // A grandchild that outlived the kill may still hold the pipes open: take what arrived, do not wait on it.
        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(30));
        var output = (stdout.IsCompletedSuccessfully ? stdout.Result : "") + (stderr.IsCompletedSuccessfully ? stderr.Result : "");
        return (timedOut ? -1 : process.ExitCode, output, timedOut);
    }
}
