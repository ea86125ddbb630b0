// Placeholder entry point; the simulator is being built (issue 3).
namespace EdgeImpulse.Generated.Simulator;

internal static class Program
{
    private static int Main() => 0;
}
