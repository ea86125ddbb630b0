// CUSTOM: the write half of the DTO type rule (Templates/Class.liquid, README "Types"). Collections are never null,
// so "never set" and "empty" would look alike; an optional collection's generated class therefore keeps a private
// ShouldSerialize{Property}() that is true once the list was set, read from JSON or used. Newtonsoft only finds
// public ShouldSerialize methods; this resolver binds the private ones, so a partial update such as setKeras leaves
// out (does not clear) a list the caller never touched, and a list read as [] is written back as [].
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace EdgeImpulse.Generated;

internal sealed class DtoContractResolver : DefaultContractResolver
{
    public static DtoContractResolver Instance { get; } = new();

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        var shouldSerialize = member.DeclaringType?.GetMethod("ShouldSerialize" + member.Name, BindingFlags.Instance | BindingFlags.NonPublic, System.Type.EmptyTypes);
        if (shouldSerialize is not null && shouldSerialize.ReturnType == typeof(bool) && property.ShouldSerialize is null)
        {
            property.ShouldSerialize = owner => (bool)shouldSerialize.Invoke(owner, null)!;
        }

        return property;
    }
}
