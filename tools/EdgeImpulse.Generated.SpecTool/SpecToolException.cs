using System;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>A problem with the spec or the corrections, reported to the build as an error line.</summary>
internal sealed class SpecToolException(string message) : Exception(message);
