using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Jobs;

/// <summary>JobWaitOptions: the documented defaults, and every out-of-range setting rejected before any request.</summary>
[TestFixture]
public sealed class JobWaitOptionsTests
{
    [Test]
    public void Defaults_StartFastAndBackOffToTheStudiosFiveSeconds()
    {
        var options = new JobWaitOptions();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.InitialPollInterval, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(options.BackoffFactor, Is.EqualTo(1.5));
            Assert.That(options.MaxPollInterval, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(options.Timeout, Is.Null);
            Assert.That(options.CancelJobOnAbort, Is.False);
            Assert.That(options.TransientFailureTolerance, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(options.FailureLogLineCount, Is.EqualTo(20));
            Assert.That(options.LogLinesPerPoll, Is.EqualTo(100));
            Assert.That(options.TimeProvider, Is.SameAs(TimeProvider.System));
        }
    }

    public static IEnumerable<TestCaseData> OutOfRange()
    {
        yield return Case(nameof(JobWaitOptions.InitialPollInterval), "TimeSpan.FromMilliseconds(-1)", o => o.InitialPollInterval = TimeSpan.FromMilliseconds(-1));
        yield return Case(nameof(JobWaitOptions.InitialPollInterval), "TimeSpan.Zero", o => o.InitialPollInterval = TimeSpan.Zero);
        yield return Case(nameof(JobWaitOptions.MaxPollInterval), "TimeSpan.FromMilliseconds(500)", o => o.MaxPollInterval = TimeSpan.FromMilliseconds(500));
        yield return Case(nameof(JobWaitOptions.MaxPollInterval), "TimeSpan.FromDays(60)", o => o.MaxPollInterval = TimeSpan.FromDays(60));
        yield return Case(nameof(JobWaitOptions.BackoffFactor), "0.9", o => o.BackoffFactor = 0.9);
        yield return Case(nameof(JobWaitOptions.BackoffFactor), "double.NaN", o => o.BackoffFactor = double.NaN);
        yield return Case(nameof(JobWaitOptions.BackoffFactor), "double.PositiveInfinity", o => o.BackoffFactor = double.PositiveInfinity);
        yield return Case(nameof(JobWaitOptions.Timeout), "TimeSpan.Zero", o => o.Timeout = TimeSpan.Zero);
        yield return Case(nameof(JobWaitOptions.Timeout), "Timeout.InfiniteTimeSpan", o => o.Timeout = Timeout.InfiniteTimeSpan);
        yield return Case(nameof(JobWaitOptions.Timeout), "TimeSpan.FromDays(60)", o => o.Timeout = TimeSpan.FromDays(60));
        yield return Case(nameof(JobWaitOptions.TransientFailureTolerance), "TimeSpan.FromSeconds(-1)", o => o.TransientFailureTolerance = TimeSpan.FromSeconds(-1));
        yield return Case(nameof(JobWaitOptions.TransientFailureTolerance), "TimeSpan.FromDays(60)", o => o.TransientFailureTolerance = TimeSpan.FromDays(60));
        yield return Case(nameof(JobWaitOptions.TransientFailureTolerance), "TimeSpan.MaxValue", o => o.TransientFailureTolerance = TimeSpan.MaxValue);
        yield return Case(nameof(JobWaitOptions.FailureLogLineCount), "-1", o => o.FailureLogLineCount = -1);
        yield return Case(nameof(JobWaitOptions.FailureLogLineCount), "1001", o => o.FailureLogLineCount = 1001);
        yield return Case(nameof(JobWaitOptions.LogLinesPerPoll), "0", o => o.LogLinesPerPoll = 0);
        yield return Case(nameof(JobWaitOptions.LogLinesPerPoll), "1001", o => o.LogLinesPerPoll = 1001);
    }

    [TestCaseSource(nameof(OutOfRange))]
    public async Task Wait_RejectsAnOutOfRangeOptionBeforeAnyRequest(string parameter, Action<JobWaitOptions> spoil)
    {
        var jobs = new ScriptedJobsClient();
        var options = new JobWaitOptions();
        spoil(options);

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new JobOperation(jobs.Client, 52187, 1847312964).WaitForCompletionAsync(options, CancellationToken.None));

        Assert.That((ex!.ParamName, jobs.StatusCalls), Is.EqualTo((parameter, 0)));
    }

    [Test]
    public void StreamLogs_RejectsAnOutOfRangeOptionBeforeAnyRequest()
    {
        var jobs = new ScriptedJobsClient();
        var options = new JobWaitOptions { LogLinesPerPoll = 0 };

        Assert.That(
            async () => await new JobOperation(jobs.Client, 52187, 1847312964).StreamLogsAsync(options, CancellationToken.None).GetAsyncEnumerator().MoveNextAsync(),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(nameof(JobWaitOptions.LogLinesPerPoll)));
        Assert.That(jobs.StatusCalls, Is.Zero);
    }

    [Test]
    public void Wait_ChangesToTheOptionsAfterTheStartHaveNoEffect()
    {
        var options = new JobWaitOptions { MaxPollInterval = TimeSpan.FromSeconds(3) };

        var copy = options.Validated();
        options.MaxPollInterval = TimeSpan.FromSeconds(30);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(copy, Is.Not.SameAs(options));
            Assert.That(copy.MaxPollInterval, Is.EqualTo(TimeSpan.FromSeconds(3)));
        }
    }

    private static TestCaseData Case(string parameter, string value, Action<JobWaitOptions> spoil) =>
        new TestCaseData(parameter, spoil).SetArgDisplayNames(parameter, value);
}
