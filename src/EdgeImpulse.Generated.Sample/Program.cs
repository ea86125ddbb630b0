// Placeholder entry point; the sample workflow is being built (issue 3).
namespace EdgeImpulse.Generated.Sample;

internal static class Program
{
    private static int Main() => 0;
}
