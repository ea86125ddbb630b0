using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>Where a token was read from (1-based line and column), attached by <see cref="YamlJson"/> as an annotation.</summary>
internal sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>"file(line)" for a token read by <see cref="YamlJson"/> (the file it came from), else <paramref name="fallbackName"/>.</summary>
    /// <remarks>
    /// The line alone: it is the start of the node (an action's first key), which is what a reader looks for. A value an
    /// overlay merged into the spec keeps the overlay's location, so the file named is where the text really is.
    /// </remarks>
    public static string Of(JToken? token, string fallbackName) =>
        token?.Annotation<SourceLocation>() is { } location ? $"{System.IO.Path.GetFileName(location.File)}({location.Line})" : fallbackName;
}
