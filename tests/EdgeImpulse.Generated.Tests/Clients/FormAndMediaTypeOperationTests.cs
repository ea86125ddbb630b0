using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Clients;

/// <summary>
/// Every operation of the vendored spec with a multipart/form-data body or a non-JSON answer, called through its
/// generated method against a loopback server, checked against the spec: each form field arrives as its own part
/// (files with their file name, media type and bytes; lists repeated; objects as JSON), a required field is a required
/// parameter refused when null before anything is sent, and a file or text answer is asked for with the spec's media
/// type (Accept) and read as a <see cref="FileResponse"/> or a string. The operations are found from the spec, the
/// methods by calling them: an operation of the spec that no generated method sends fails the completeness tests.
/// </summary>
[TestFixture]
public sealed class FormAndMediaTypeOperationTests
{
    private static readonly Lazy<JObject> Spec = new(() => (JObject)YamlJson.Load(TestPaths.Spec));

    private static readonly Lazy<IReadOnlyList<Call>> Calls = new(() => FindCallsAsync().GetAwaiter().GetResult());

    public static IEnumerable<TestCaseData> MultipartOperations() =>
        SpecOperations().Where(o => o.FormSchema is not null).Select(o => new TestCaseData(o.Id).SetArgDisplayNames(o.Id));

    public static IEnumerable<TestCaseData> RequiredFormFields() =>
        SpecOperations().Where(o => o.FormSchema is not null)
            .SelectMany(o => Required(o.FormSchema!).Select(field => new TestCaseData(o.Id, field).SetArgDisplayNames($"{o.Id}.{field}")));

    // A number or boolean field is a C# value type: 0 and false are values, there is no "null" to refuse.
    public static IEnumerable<TestCaseData> RequiredFormFieldsThatCanBeNull() =>
        SpecOperations().Where(o => o.FormSchema is not null)
            .SelectMany(o => Required(o.FormSchema!)
                .Where(field => (string?)Properties(o.FormSchema!).First(p => p.Name == field).Schema["type"] is not ("integer" or "number" or "boolean"))
                .Select(field => new TestCaseData(o.Id, field).SetArgDisplayNames($"{o.Id}.{field}")));

    public static IEnumerable<TestCaseData> MediaTypeOperations() =>
        SpecOperations().Where(o => o.ResponseMediaType is not null && !IsJson(o.ResponseMediaType)).Select(o => new TestCaseData(o.Id).SetArgDisplayNames(o.Id));

    [Test]
    public void EveryMultipartOperation_HasAGeneratedMethodThatSendsIt()
    {
        var expected = MultipartOperations().Select(c => (string)c.Arguments[0]!).ToList();

        Assert.That(expected, Has.Count.GreaterThan(0), "the spec's multipart operations are found");
        Assert.That(Calls.Value.Select(c => c.Operation.Id).Intersect(expected), Is.EquivalentTo(expected));
    }

    [Test]
    public void EveryFileAndTextOperation_HasAGeneratedMethodThatSendsIt()
    {
        var expected = MediaTypeOperations().Select(c => (string)c.Arguments[0]!).ToList();

        Assert.That(expected, Has.Count.GreaterThan(0));
        Assert.That(Calls.Value.Select(c => c.Operation.Id).Intersect(expected), Is.EquivalentTo(expected));
    }

    [TestCaseSource(nameof(MultipartOperations))]
    public void MultipartOperation_SendsEveryFormFieldAsItsPart(string operationId)
    {
        var call = CallOf(operationId);
        var schema = call.Operation.FormSchema!;
        var parts = MultipartParts.Parse(call.Request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Request.Header("Content-Type"), Does.StartWith("multipart/form-data; boundary="));
            Assert.That(call.Request.Header("Accept"), Is.EqualTo(call.Operation.ResponseMediaType ?? WireAssert.Json));
            Assert.That(parts.Select(p => p.Name).Distinct(), Is.EquivalentTo(Properties(schema).Select(p => p.Name)), "one part name per form field, nothing else");
            foreach (var (name, property) in Properties(schema))
            {
                var sent = parts.Where(p => p.Name == name).ToList();
                var argument = call.Arguments[ParameterFor(call.Method, name).Position];
                if (IsBinary(property))
                {
                    var file = (FileParameter)argument!;
                    Assert.That(sent.Select(p => (p.FileName, p.ContentType, p.Text)), Is.EqualTo(new[] { (file.FileName, file.ContentType, FileText(name)) }), name);
                }
                else if (IsBinary(Resolve(property["items"])))
                {
                    var files = ((IEnumerable<FileParameter>)argument!).ToList();
                    Assert.That(sent.Select(p => (p.FileName, p.ContentType)), Is.EqualTo(files.Select(f => (f.FileName, f.ContentType))), name);
                }
                else if (IsObjectLike(property))
                {
                    Assert.That(sent.Select(p => p.ContentType), Is.EqualTo(new[] { "application/json" }), name);
                    Assert.That(() => JToken.Parse(sent[0].Text), Throws.Nothing, name);
                }
                else if ((string?)property["type"] == "array")
                {
                    Assert.That(sent.Select(p => p.Text), Is.EqualTo(((IEnumerable)argument!).Cast<object>().Select(ApiConnection.FormatValue)), name);
                }
                else
                {
                    Assert.That(sent.Select(p => p.Text), Is.EqualTo(new[] { ApiConnection.FormatValue(argument!) }), name);
                    Assert.That(sent.Select(p => p.ContentType), Is.EqualTo(new string?[] { null }), $"{name}: a text field carries no media type");
                }
            }
        }
    }

    [TestCaseSource(nameof(RequiredFormFields))]
    public void RequiredFormField_IsARequiredNonNullableParameter(string operationId, string field)
    {
        var parameter = ParameterFor(CallOf(operationId).Method, field);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parameter.HasDefaultValue, Is.False, $"{parameter.Name} must not be optional");
            Assert.That(Nullable.GetUnderlyingType(parameter.ParameterType), Is.Null, $"{parameter.Name} must not be a Nullable<T>");
            if (!parameter.ParameterType.IsValueType)
            {
                Assert.That(new NullabilityInfoContext().Create(parameter).WriteState, Is.EqualTo(NullabilityState.NotNull), $"{parameter.Name} must not be nullable");
            }
        }
    }

    [TestCaseSource(nameof(RequiredFormFieldsThatCanBeNull))]
    public async Task RequiredFormField_NullOrUnset_IsRefusedBeforeSending(string operationId, string field)
    {
        var call = CallOf(operationId);
        var parameter = ParameterFor(call.Method, field);
        var arguments = (object?[])call.Arguments.Clone();
        arguments[parameter.Position] = parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null; // an enum struct nobody set

        await using var server = LoopbackServer.Start();
        using var connection = server.CreateConnection();
        var ex = await Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => Invoke(connection, call.Method, arguments));

        Assert.That(((ArgumentException)ex!).ParamName, Is.EqualTo(parameter.Name));
        Assert.That(server.Requests, Is.Empty, "refused before anything was sent");
    }

    [TestCaseSource(nameof(MediaTypeOperations))]
    public void FileOrTextOperation_AsksForTheSpecsMediaType_AndReadsIt(string operationId)
    {
        var call = CallOf(operationId);
        var mediaType = call.Operation.ResponseMediaType!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Request.Header("Accept"), Is.EqualTo(mediaType));
            if (call.Operation.ResponseIsText)
            {
                Assert.That(call.Method.ReturnType, Is.EqualTo(typeof(Task<string>)));
                Assert.That(call.Result, Is.EqualTo("answer of " + operationId));
            }
            else
            {
                Assert.That(call.Method.ReturnType, Is.EqualTo(typeof(Task<FileResponse>)));
                Assert.That(call.Result, Is.EqualTo(mediaType + ":" + operationId), "read as a file, with its media type");
            }
        }
    }

    private static Call CallOf(string operationId) =>
        Calls.Value.FirstOrDefault(c => c.Operation.Id == operationId) ?? throw new AssertionException($"No generated method sends {operationId}.");

    private static IEnumerable<SpecOperation> SpecOperations()
    {
        foreach (var path in ((JObject)Spec.Value["paths"]!).Properties())
        {
            foreach (var method in ((JObject)path.Value).Properties().Where(m => m.Value is JObject { } o && o.ContainsKey("operationId")))
            {
                var operation = (JObject)method.Value;
                var id = (string?)operation["x-wire-operation-id"] ?? (string)operation["operationId"]!;
                var form = Resolve(Resolve(operation["requestBody"])?["content"]?["multipart/form-data"]?["schema"]) as JObject;
                var success = ((JObject?)operation["responses"])?.Properties().FirstOrDefault(r => r.Name.StartsWith('2'));
                var content = (Resolve(success?.Value)?["content"] as JObject)?.Properties().FirstOrDefault();
                var isText = content is not null && (string?)Resolve(content.Value["schema"])?["format"] != "binary" && (string?)Resolve(content.Value["schema"])?["type"] == "string";
                yield return new SpecOperation(id, method.Name.ToUpperInvariant(), path.Name, form, content?.Name, isText);
            }
        }
    }

    // Calls every generated method that could be a form or non-JSON operation (a file parameter; a file, text or no
    // result) once, with a value for every parameter, and records which spec operation its request was.
    private static async Task<IReadOnlyList<Call>> FindCallsAsync()
    {
        var operations = SpecOperations().ToList();
        var methods = typeof(EdgeImpulseClient).Assembly.GetTypes()
            .Where(t => t.IsClass && t.GetProperty("Operations", BindingFlags.Static | BindingFlags.NonPublic) is not null)
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)
                && (m.GetParameters().Any(p => p.ParameterType == typeof(FileParameter) || p.ParameterType == typeof(IEnumerable<FileParameter>))
                    || m.ReturnType == typeof(Task<FileResponse>) || m.ReturnType == typeof(Task<string>) || m.ReturnType == typeof(Task)))
            .ToList();

        await using var server = LoopbackServer.Start();
        server.Responder = request =>
        {
            var operation = MatchOf(operations, request);
            return operation switch
            {
                { ResponseMediaType: { } type, ResponseIsText: true } when !IsJson(type) => CannedResponse.Text("answer of " + operation.Id, type),
                { ResponseMediaType: { } type } when !IsJson(type) => CannedResponse.Binary(Encoding.UTF8.GetBytes(operation.Id), type),
                _ => CannedResponse.Json("{\"success\":true,\"id\":1}"),
            };
        };
        using var connection = server.CreateConnection();
        var calls = new List<Call>();
        foreach (var method in methods)
        {
            var arguments = method.GetParameters().Select(Synthesize).ToArray();
            var before = server.Requests.Count;
            object? result;
            try
            {
                result = await Invoke(connection, method, arguments);
            }
            catch (EdgeImpulseApiException)
            {
                result = null; // the answer did not fit the result type: only the request matters here
            }

            var request = server.Requests.Skip(before).Single();
            var operation = MatchOf(operations, request)
                ?? throw new AssertionException($"{method.DeclaringType!.Name}.{method.Name} sent {request.Method} {request.Path}, which no spec operation declares.");
            calls.Add(new Call(operation, method, arguments, request, result));
        }

        return calls;
    }

    // The most literal path template wins (/api/{projectId}/x/export over /api/{projectId}/x/{id}).
    private static SpecOperation? MatchOf(IEnumerable<SpecOperation> operations, RecordedRequest request) =>
        operations.Where(o => o.Matches(request)).OrderBy(o => o.PathTemplate.Count(c => c == '{')).FirstOrDefault();

    // The area client made directly on the connection (as EdgeImpulseClient makes it), whether or not the facade exposes it.
    private static async Task<object?> Invoke(ApiConnection connection, MethodInfo method, object?[] arguments)
    {
        var area = Activator.CreateInstance(method.DeclaringType!, BindingFlags.Instance | BindingFlags.NonPublic, null, [connection], null);
        Task task;
        try
        {
            task = (Task)method.Invoke(area, arguments)!;
        }
        catch (TargetInvocationException ex)
        {
            throw ex.InnerException!;
        }

        await task;
        return task switch
        {
            Task<FileResponse> file => await ReadFileAsync(file.Result),
            Task<string> text => text.Result,
            _ => null,
        };
    }

    private static async Task<string> ReadFileAsync(FileResponse file)
    {
        using (file)
        {
            using var reader = new System.IO.StreamReader(file.Stream);
            return file.ContentType + ":" + await reader.ReadToEndAsync();
        }
    }

    private static object? Synthesize(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(CancellationToken) ? CancellationToken.None : Value(parameter.ParameterType, parameter.Name!, 0);

    // A value of every type a generated parameter has; files carry their parameter's name in name, type and bytes.
    private static object? Value(Type type, string name, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(FileParameter))
        {
            return FileParameter.FromBytes(Encoding.UTF8.GetBytes(FileText(name)), $"{name}.bin", $"application/x-test-{name.ToLowerInvariant()}");
        }

        if (type == typeof(IEnumerable<FileParameter>))
        {
            return new List<FileParameter> { (FileParameter)Value(typeof(FileParameter), name + "1", depth)!, (FileParameter)Value(typeof(FileParameter), name + "2", depth)! };
        }

        if (type == typeof(string))
        {
            return "text-" + name;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return Convert.ChangeType(3, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExtensibleEnum<>)))
        {
            var known = (IEnumerable)type.GetProperty("KnownValues")!.GetValue(null)!;
            return known.Cast<object>().First();
        }

        if (typeof(JToken).IsAssignableFrom(type) || type == typeof(object))
        {
            return new JObject { ["key"] = 1 };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>) || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ICollection<>))
        {
            var item = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            list.Add(Value(item, name + "1", depth + 1));
            list.Add(Value(item, name + "2", depth + 1));
            return list;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()))!;
            dictionary.Add(Value(type.GetGenericArguments()[0], name + "Key", depth + 1)!, Value(type.GetGenericArguments()[1], name + "Value", depth + 1));
            return dictionary;
        }

        // A DTO: every field the API requires is set, so the body passes the client's check.
        var dto = Activator.CreateInstance(type)!;
        if (depth < 6)
        {
            foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.GetCustomAttribute<RequiredAttribute>() is not null))
            {
                property.SetValue(dto, Value(property.PropertyType, property.Name, depth + 1));
            }
        }

        return dto;
    }

    private static string FileText(string name) => "file:" + name;

    private static ParameterInfo ParameterFor(MethodInfo method, string field) =>
        method.GetParameters().SingleOrDefault(p => Simple(p.Name!) == Simple(field))
        ?? throw new AssertionException($"{method.Name} has no parameter for form field '{field}'.");

    private static string Simple(string name) => Regex.Replace(name, "[^A-Za-z0-9]", string.Empty).ToUpperInvariant();

    private static IEnumerable<(string Name, JObject Schema)> Properties(JObject schema) =>
        ((schema["properties"] as JObject)?.Properties() ?? []).Select(p => (p.Name, (JObject)Resolve(p.Value)!))
            .Concat((schema["allOf"] as JArray ?? []).Select(Resolve).OfType<JObject>().SelectMany(Properties));

    private static IEnumerable<string> Required(JObject schema) =>
        (schema["required"] as JArray ?? []).Values<string>().Select(n => n!).Where(n => Properties(schema).Any(p => p.Name == n))
            .Concat((schema["allOf"] as JArray ?? []).Select(Resolve).OfType<JObject>().SelectMany(Required));

    private static bool IsBinary(JToken? schema) => (string?)schema?["format"] == "binary";

    private static bool IsObjectLike(JObject property) =>
        (string?)property["type"] == "object" || property["properties"] is not null
        || (string?)property["type"] == "array" && Resolve(property["items"]) is JObject items && ((string?)items["type"] == "object" || items["properties"] is not null);

    private static bool IsJson(string mediaType) => mediaType.Contains("json", StringComparison.OrdinalIgnoreCase);

    private static JToken? Resolve(JToken? token)
    {
        while (token is JObject { } reference && (string?)reference["$ref"] is { } target)
        {
            token = Spec.Value.SelectToken("$" + string.Concat(target[2..].Split('/').Select(part => $"['{part}']")));
        }

        return token;
    }

    private sealed record SpecOperation(string Id, string Method, string PathTemplate, JObject? FormSchema, string? ResponseMediaType, bool ResponseIsText)
    {
        private readonly Regex _path = new("^/v1" + Regex.Replace(Regex.Escape(PathTemplate), @"\\\{[^}]+}", "[^/]+") + "$");

        public bool Matches(RecordedRequest request) => request.Method == Method && _path.IsMatch(request.Path);
    }

    private sealed record Call(SpecOperation Operation, MethodInfo Method, object?[] Arguments, RecordedRequest Request, object? Result);
}
