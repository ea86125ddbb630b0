using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>
/// Tests of <see cref="RequestBodyValidator"/>: it accepts and rejects exactly what
/// <see cref="Validator.TryValidateObject(object, ValidationContext, ICollection{ValidationResult}?, bool)"/> does, with the same message.
/// </summary>
[TestFixture]
public sealed class RequestBodyValidatorTests
{
    public static IEnumerable<TestCaseData> Bodies()
    {
        var recorded = JsonConvert.DeserializeObject<SetKerasParameterRequest>(TestPaths.ReadFixture("Learn/setKeras.request.json"))!;
        yield return new TestCaseData(recorded).SetName("setKeras recorded request: valid");
        yield return new TestCaseData(new DspConfigRequest { Config = new Dictionary<string, string>() }).SetName("DspConfigRequest with config: valid");
        yield return new TestCaseData(new DspConfigRequest { Config = null! }).SetName("DspConfigRequest without config: [Required] missing");
        yield return new TestCaseData(new ImpulseDspBlock { Id = 3, Type = string.Empty, Name = "s", Axes = ["x"], Title = "t" }).SetName("ImpulseDspBlock complete (empty strings allowed): valid");
        yield return new TestCaseData(new ImpulseDspBlock { Id = 0, Type = "spectral-analysis", Name = "s", Axes = ["x"], Title = "t" }).SetName("ImpulseDspBlock with Id 0: [Range(1, ...)] broken");
        yield return new TestCaseData(new ImpulseDspBlock { Id = 3, Type = "t", Name = null!, Axes = null!, Title = "t" }).SetName("ImpulseDspBlock with null fields: several missing");
        yield return new TestCaseData(new Annotated { Name = "n", Count = 5 }).SetName("plain annotated type: valid");
        yield return new TestCaseData(new Annotated { Name = string.Empty, Count = 5 }).SetName("plain annotated type: empty string where none is allowed");
        yield return new TestCaseData(new Annotated { Name = "n", Count = 11 }).SetName("plain annotated type: out of range");
        yield return new TestCaseData(new Annotated { Name = "  ", Count = 0 }).SetName("plain annotated type: blank string and out of range");
        yield return new TestCaseData(new SelfChecked { Name = "ok", Broken = false }).SetName("IValidatableObject, valid: judged by Validator");
        yield return new TestCaseData(new SelfChecked { Name = "ok", Broken = true }).SetName("IValidatableObject, invalid: judged by Validator");
        yield return new TestCaseData(new SelfChecked { Name = null, Broken = false }).SetName("IValidatableObject with [Required] missing");
    }

    [TestCaseSource(nameof(Bodies))]
    public void ThrowIfInvalid_AgreesWithValidator(object body)
    {
        var problems = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(body, new ValidationContext(body), problems, validateAllProperties: true);

        // Twice: the first call collects the type's rules, the second uses them.
        for (var call = 0; call < 2; call++)
        {
            if (valid)
            {
                Assert.DoesNotThrow(() => RequestBodyValidator.ThrowIfInvalid(body, "body"));
                continue;
            }

            var ex = Assert.Throws<ArgumentException>(() => RequestBodyValidator.ThrowIfInvalid(body, "body"));
            var fields = string.Join(", ", problems.SelectMany(p => p.MemberNames).Distinct(StringComparer.Ordinal));
            Assert.That(ex!.ParamName, Is.EqualTo("body"));
            Assert.That(ex.Message, Does.StartWith($"{body.GetType().Name} is missing fields the API requires: {fields}."));
        }
    }

    [Test]
    public void ThrowIfInvalid_AValidBody_AllocatesNothing()
    {
        var body = JsonConvert.DeserializeObject<SetKerasParameterRequest>(TestPaths.ReadFixture("Learn/setKeras.request.json"))!;
        RequestBodyValidator.ThrowIfInvalid(body, "body");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            RequestBodyValidator.ThrowIfInvalid(body, "body");
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    private sealed class Annotated
    {
        [Required]
        public string? Name { get; set; }

        [System.ComponentModel.DataAnnotations.Range(1, 10)]
        public int Count { get; set; }

        [Required]
        public int Always { get; set; }
    }

    private sealed class SelfChecked : IValidatableObject
    {
        [Required]
        public string? Name { get; set; }

        public bool Broken { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
            Broken ? [new ValidationResult("broken", [nameof(Broken)])] : [];
    }
}
