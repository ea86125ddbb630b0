// CUSTOM: replaces NSwag's generated JsonInheritanceAttribute (nswag.json excludedTypeNames), which the generated
// base classes of typed variants carry (the SpecTool's discriminated-union-variants rule): one per variant, naming its
// discriminator value. Internal: it is how the converter finds the variants, not part of the API.
using System;

namespace EdgeImpulse.Generated;

/// <summary>A variant of the base class it is on: the discriminator value <paramref name="key"/> means <paramref name="type"/>.</summary>
/// <param name="key">The discriminator value on the wire.</param>
/// <param name="type">The subclass it stands for.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, AllowMultiple = true)]
internal sealed class JsonInheritanceAttribute(string key, Type type) : Attribute
{
    public string Key { get; } = key;

    public Type Type { get; } = type;
}
