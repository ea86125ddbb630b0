// Placeholder entry point; the recorder is being built (issue 3).
namespace EdgeImpulse.Generated.Recorder;

internal static class Program
{
    private static int Main() => 0;
}
