using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Npy;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom;

/// <summary>
/// One family: everything the library throws about the service is an <see cref="EdgeImpulseException"/>, and a test
/// (or a test double) can build each member with public constructors.
/// </summary>
[TestFixture]
public sealed class EdgeImpulseExceptionTests
{
    private static readonly Job FailedJob = new() { Id = 42, Category = "Training model", FinishedSuccessful = false };

    public static readonly TestCaseData[] FamilyMembers =
    [
        Member(() => new EdgeImpulseApiException(429, "rate limited")),
        Member(() => new EdgeImpulseApiException("getKeras failed (HTTP 500): boom", "getKeras", 500, "boom", "application/json", "{\"success\":false}")),
        Member(() => new EdgeImpulseJobFailedException(1, FailedJob, [])),
        Member(() => new EdgeImpulseJobTimeoutException(1, 42, TimeSpan.FromMinutes(5))),
        Member(() => new NpyFormatException("not an array")),
        Member(() => new NpyFormatException("not an array", new InvalidDataException("inner"))),
    ];

    private static TestCaseData Member(Func<Exception> create)
    {
        var sample = create();
        return new TestCaseData(create).SetArgDisplayNames(sample.GetType().Name + ": " + sample.Message);
    }

    [TestCaseSource(nameof(FamilyMembers))]
    public void EveryMember_IsCaughtAsTheFamilyBase(Func<Exception> create)
    {
        var caught = Assert.Catch<EdgeImpulseException>(() => throw create());

        Assert.That(caught, Is.Not.Null);
        Assert.That(caught!.GetType().IsSealed, Is.False, "a user can derive a test-specific exception from it");
    }

    [Test]
    public void ApiException_StatusConstructor_CarriesTheStatus()
    {
        var ex = new EdgeImpulseApiException(503, "Service unavailable");

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(503));
            Assert.That(ex.Message, Is.EqualTo("Service unavailable"));
            Assert.That(ex.OperationId, Is.Empty);
            Assert.That(ex.RetryAfter, Is.Null);
            Assert.That(ex.InnerException, Is.Null);
        });
    }

    [Test]
    public void ApiException_FullConstructor_CarriesEveryDetail()
    {
        var inner = new IOException("reset");

        var ex = new EdgeImpulseApiException(
            429, "getJobStatus failed (HTTP 429): Too many requests", operationId: "getJobStatus", errorText: "Too many requests",
            contentType: "application/json", bodyExcerpt: "{\"success\":false}", retryAfter: TimeSpan.FromSeconds(7), innerException: inner);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(429));
            Assert.That(ex.OperationId, Is.EqualTo("getJobStatus"));
            Assert.That(ex.ErrorText, Is.EqualTo("Too many requests"));
            Assert.That(ex.ContentType, Is.EqualTo("application/json"));
            Assert.That(ex.BodyExcerpt, Is.EqualTo("{\"success\":false}"));
            Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(ex.InnerException, Is.SameAs(inner));
        });
    }

    [Test]
    public void JobTimeout_KeepsTheFailedCancelAsItsInnerException()
    {
        var cancelFailure = new EdgeImpulseApiException(500, "cancelJob failed");

        var ex = new EdgeImpulseJobTimeoutException(7, 42, TimeSpan.FromSeconds(30), FailedJob, cancelledOnServer: false, cancelJobFailure: cancelFailure);

        Assert.Multiple(() =>
        {
            Assert.That(ex.InnerException, Is.SameAs(cancelFailure));
            Assert.That(ex.CancelJobFailure, Is.SameAs(cancelFailure));
            Assert.That(ex.Message, Does.Contain("Job 42 in project 7").And.Contain("cancelJob failed"));
        });
    }

    [Test]
    public async Task TheNpyReader_ThrowsAFamilyMember_ForAJsonBody()
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes("{\"success\":false,\"error\":\"No such DSP block\"}"));

        var ex = await Assert.CatchAsync<EdgeImpulseException>(() => NpyReader.ReadAsync(body));

        Assert.That(ex, Is.InstanceOf<NpyFormatException>());
    }

    [Test]
    public void ApiException_ATestDoubleCanSetEveryOutcome_AndRetellingKeepsThem()
    {
        var job = new Job { Id = 1847312964, FinishedSuccessful = true };
        var original = new EdgeImpulseApiException("lost", "trainKerasJob", 0, "e", "text/html", "<html>")
        {
            RetryAfter = TimeSpan.FromSeconds(3),
            MayHaveTakenEffect = true,
        };

        var retold = original.Retold("told again", completedJob: job);

        Assert.That(retold.Message, Is.EqualTo("told again"));
        Assert.That(retold.InnerException, Is.SameAs(original));
        Assert.That((retold.OperationId, retold.Status, retold.ErrorText, retold.ContentType, retold.BodyExcerpt), Is.EqualTo(("trainKerasJob", 0, "e", "text/html", "<html>")));
        Assert.That(retold.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(retold.MayHaveTakenEffect, Is.True);
        Assert.That(retold.CompletedJob, Is.SameAs(job));
        Assert.That(original.Retold("again").CompletedJob, Is.Null);
    }
}
