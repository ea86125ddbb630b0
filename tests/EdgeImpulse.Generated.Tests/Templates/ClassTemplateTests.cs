using System;
using System.CodeDom.Compiler;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Templates;

/// <summary>
/// The DTO type rule of Templates/Class.liquid (README "Types"), over every generated DTO: a collection is never
/// null; every other property is nullable; a missing field or a JSON null never fails a response.
/// </summary>
[TestFixture]
public sealed class ClassTemplateTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static IEnumerable<TestCaseData> DtoTypes() =>
        typeof(Job).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "NJsonSchema")
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    [Test]
    public void NoDto_IsANamedCollection()
    {
        // A named array schema would be a class deriving Collection<T>, outside the rule; nswag.json inlines them.
        var named = DtoTypes().Select(t => (Type)t.Arguments[0]!).Where(t => typeof(IEnumerable).IsAssignableFrom(t));

        Assert.That(named, Is.Empty);
    }

    [Test]
    public void DtoTypes_AreAllFound()
    {
        Assert.That(DtoTypes().Select(t => ((Type)t.Arguments[0]!).Name).ToList(), Has.Count.GreaterThan(90).And.Contains("Job").And.Contains("Sample").And.Contains("SetKerasParameterRequest"));
    }

    [TestCaseSource(nameof(DtoTypes))]
    public void EveryProperty_IsANeverNullCollectionOrNullable(Type type)
    {
        var fresh = Activator.CreateInstance(type)!;
        using (Assert.EnterMultipleScope())
        {
            foreach (var property in JsonProperties(type))
            {
                if (IsCollection(property.PropertyType))
                {
                    Assert.That(Nullability.Create(property).ReadState, Is.EqualTo(NullabilityState.NotNull), $"{type.Name}.{property.Name} is a collection: declared non-null");
                    Assert.That(property.GetValue(fresh), Is.Not.Null.And.Empty, $"{type.Name}.{property.Name} starts empty");
                    Assert.That(property.GetCustomAttribute<JsonPropertyAttribute>()!.NullValueHandling, Is.EqualTo(NullValueHandling.Ignore), $"{type.Name}.{property.Name}: a JSON null keeps it empty");
                    var optional = property.GetCustomAttribute<RequiredAttribute>() is null;
                    Assert.That(property.DeclaringType!.GetMethod("ShouldSerialize" + property.Name, BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes) is not null, Is.EqualTo(optional), $"{type.Name}.{property.Name}: an optional collection tells whether it was touched");
                }
                else
                {
                    Assert.That(IsNullable(property), Is.True, $"{type.Name}.{property.Name} ({property.PropertyType.Name}) must be nullable: the Studio may omit it");
                    Assert.That(property.GetValue(fresh), Is.Null, $"{type.Name}.{property.Name} must not fake a value nobody sent");
                }
            }
        }
    }

    [TestCaseSource(nameof(DtoTypes))]
    public void EmptyObject_ReadsAsNullsAndEmptyCollections(Type type) => AssertReadsAsAbsent(type, "{}");

    [TestCaseSource(nameof(DtoTypes))]
    public void ObjectOfNulls_ReadsAsNullsAndEmptyCollections(Type type)
    {
        var allNull = new JObject(JsonProperties(type).Select(p => new JProperty(JsonName(p), JValue.CreateNull())));

        AssertReadsAsAbsent(type, allNull.ToString());
    }

    [Test]
    public async Task RequiredValueTypeFieldOfARequest_IsCheckedBeforeSending()
    {
        await using var server = LoopbackServer.Start();
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Jobs.GenerateFeaturesJobAsync(52187, new GenerateFeaturesRequest(), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Message, Does.Contain(nameof(GenerateFeaturesRequest.DspId)));
            Assert.That(server.Requests, Is.Empty);
            Assert.That(typeof(GenerateFeaturesRequest).GetProperty(nameof(GenerateFeaturesRequest.DspId))!.GetCustomAttribute<RequiredAttribute>(), Is.Not.Null);
        }
    }

    [Test]
    public void ResponseOnlyRequiredFields_StillCarryTheSpecsRequirement()
    {
        // The type says "may be missing" for reading; [Required] still says what a request must send.
        var required = typeof(Job).GetProperties().Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null).Select(p => p.Name);

        Assert.That(required, Is.SupersetOf(new[] { nameof(Job.Id), nameof(Job.Category), nameof(Job.Created), nameof(Job.JobNotificationUids) }));
    }

    private static void AssertReadsAsAbsent(Type type, string json)
    {
        object? read = null;
        Assert.That(() => read = JsonConvert.DeserializeObject(json, type, ApiConnection.SerializerSettings), Throws.Nothing, $"{type.Name} from {json}");
        using (Assert.EnterMultipleScope())
        {
            foreach (var property in JsonProperties(type))
            {
                var value = property.GetValue(read);
                if (IsCollection(property.PropertyType))
                {
                    Assert.That(value, Is.Not.Null.And.Empty, $"{type.Name}.{property.Name}");
                }
                else if (property.PropertyType == typeof(JToken))
                {
                    // Free-form JSON keeps a JSON null as JSON (JTokenType.Null), as Newtonsoft reads it; absent is null.
                    Assert.That(value is null or JToken { Type: JTokenType.Null }, Is.True, $"{type.Name}.{property.Name}");
                }
                else
                {
                    Assert.That(value, Is.Null, $"{type.Name}.{property.Name}");
                }
            }
        }
    }

    private static IEnumerable<PropertyInfo> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<JsonPropertyAttribute>() is not null);

    private static string JsonName(PropertyInfo property) => property.GetCustomAttribute<JsonPropertyAttribute>()!.PropertyName ?? property.Name;

    private static bool IsCollection(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IList<>) || type.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    private static bool IsNullable(PropertyInfo property) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : Nullability.Create(property).ReadState == NullabilityState.Nullable;
}
