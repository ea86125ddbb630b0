using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Jobs;

/// <summary>
/// JobOperation.StreamLogsAsync over a job whose log grows between polls, served like getJobsLogs (last lines plus a
/// total count, no cursor): no line lost or repeated, and a gap made visible when it cannot be avoided.
/// </summary>
[TestFixture]
public sealed class JobLogStreamTests
{
    [TestCase(true)]
    [TestCase(false)]
    public async Task Stream_GrowthLargerThanTheWindow_DeliversEveryLineOnceInOrder(bool newestFirst)
    {
        var job = new GrowingLogJob { WrittenOnStatusPoll = n => n * 7, FinishedFromStatusPoll = 3, NewestFirst = newestFirst };

        var (lines, server) = await StreamAsync(job, logLinesPerPoll: 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Select(l => l.Data), Is.EqualTo(job.Written.Select(GrowingLogJob.Text)));
            Assert.That(job.Written, Has.Count.EqualTo(42));
            Assert.That(lines.Where(l => l.IsGapNotice), Is.Empty);
            Assert.That(LogQueries(server), Is.EqualTo(new[] { "limit=5", "limit=1000", "limit=5", "limit=1000", "limit=5", "limit=1000" }));
        }
    }

    [Test]
    public async Task Stream_NothingNewOrFewNew_AsksOnlyForTheSmallWindow()
    {
        var job = new GrowingLogJob { WrittenOnStatusPoll = n => n == 1 ? 3 : 0, FinishedFromStatusPoll = 3 };

        var (lines, server) = await StreamAsync(job, logLinesPerPoll: 5);

        Assert.That((lines.Count, LogQueries(server)), Is.EqualTo((3, new[] { "limit=5", "limit=5", "limit=5" })));
    }

    [Test]
    public async Task Stream_LinesWrittenBetweenStatusAndLogRead_AreNeitherLostNorRepeated()
    {
        var job = new GrowingLogJob { WrittenOnStatusPoll = n => 2, WrittenOnLogRead = n => n % 3, FinishedFromStatusPoll = 4 };

        var (lines, _) = await StreamAsync(job, logLinesPerPoll: 3);

        Assert.That(lines.Select(l => l.Data), Is.EqualTo(job.Written.Select(GrowingLogJob.Text)));
    }

    [Test]
    public async Task Stream_MoreNewLinesThanTheServerKeeps_MarksTheGapWithItsExactSize()
    {
        var job = new GrowingLogJob { WrittenOnStatusPoll = n => n switch { 1 => 10, 2 => 1500, _ => 5 }, FinishedFromStatusPoll = 3 };

        var (lines, _) = await StreamAsync(job, logLinesPerPoll: 100);

        // Poll 2 leaves 1510 lines; the widest window holds lines 511..1510, so 11..510 cannot be read.
        var gap = lines.Single(l => l.IsGapNotice);
        var expected = Enumerable.Range(1, 10).Concat(Enumerable.Range(511, 1005)).Select(GrowingLogJob.Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(gap.SkippedLineCount, Is.EqualTo(500));
            Assert.That(gap.LogLevel, Is.EqualTo(JobLogLevel.Warn));
            Assert.That(gap.Data, Does.Contain("500 log line(s) could not be read"));
            Assert.That(lines.IndexOf(gap), Is.EqualTo(10), "the notice stands where the missing lines were");
            Assert.That(lines.Where(l => !l.IsGapNotice).Select(l => l.Data), Is.EqualTo(expected));
            Assert.That(lines.Where(l => !l.IsGapNotice).Select(l => l.SkippedLineCount), Is.All.Null);
            Assert.That(lines.Select(l => l.Created), Is.Ordered);
        }
    }

    [Test]
    public async Task Stream_LogTruncatedOfDeliveredLines_ResumesAfterTheLastLineDelivered()
    {
        var job = new GrowingLogJob
        {
            WrittenOnStatusPoll = n => n switch { 1 => 10, 2 => 5, _ => 2 },
            OnStatusPoll = (n, log) =>
            {
                if (n == 2)
                {
                    log.DropOldest(8);
                }
            },
            FinishedFromStatusPoll = 3,
        };

        var (lines, _) = await StreamAsync(job, logLinesPerPoll: 100);

        Assert.That(lines.Select(l => l.Data), Is.EqualTo(Enumerable.Range(1, 17).Select(GrowingLogJob.Text)));
    }

    [Test]
    public async Task Stream_LogTruncatedOfUnreadLines_MarksAGapOfUnknownSize()
    {
        var job = new GrowingLogJob
        {
            WrittenOnStatusPoll = n => n switch { 1 => 10, 2 => 5, _ => 2 },
            OnStatusPoll = (n, log) =>
            {
                if (n == 2)
                {
                    log.DropOldest(12);
                }
            },
            FinishedFromStatusPoll = 3,
        };

        var (lines, _) = await StreamAsync(job, logLinesPerPoll: 100);

        var expected = Enumerable.Range(1, 10).Select(GrowingLogJob.Text).Append("notice").Concat(Enumerable.Range(13, 5).Select(GrowingLogJob.Text));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Select(l => l.IsGapNotice ? "notice" : l.Data), Is.EqualTo(expected));
            Assert.That(lines.Single(l => l.IsGapNotice).SkippedLineCount, Is.Null);
        }
    }

    [Test]
    public async Task Stream_TotalCountThatStopsGrowing_FindsNewLinesAfterTheLastDelivered()
    {
        var job = new GrowingLogJob { WrittenOnStatusPoll = n => n switch { 1 => 10, 2 => 5, _ => 2 }, ReportedTotal = n => Math.Min(n, 12), FinishedFromStatusPoll = 3 };

        var (lines, _) = await StreamAsync(job, logLinesPerPoll: 100);

        Assert.That(lines.Select(l => l.Data), Is.EqualTo(Enumerable.Range(1, 17).Select(GrowingLogJob.Text)));
    }

    [Test]
    public async Task Stream_TotalCountStuckBelowTheLines_WidensTheFullWindowInsteadOfLosingLines()
    {
        var job = new GrowingLogJob { WrittenOnStatusPoll = n => n * 7, ReportedTotal = n => Math.Min(n, 3), FinishedFromStatusPoll = 3 };

        var (lines, server) = await StreamAsync(job, logLinesPerPoll: 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Select(l => l.Data), Is.EqualTo(job.Written.Select(GrowingLogJob.Text)));
            Assert.That(lines.Where(l => l.IsGapNotice), Is.Empty);
            Assert.That(LogQueries(server), Is.EqualTo(new[] { "limit=5", "limit=1000", "limit=5", "limit=1000", "limit=5", "limit=1000" }));
        }
    }

    [Test]
    public async Task Stream_NullStdout_IsAnEmptyWindow()
    {
        var statusPolls = 0;
        await using var server = LoopbackServer.Start();
        server.Responder = r => r.Path.EndsWith("/status", StringComparison.Ordinal)
            ? CannedResponse.Fixture(++statusPolls >= 2 ? "Jobs/getJobStatus.success.json" : "Jobs/getJobStatus.running.json")
            : CannedResponse.Json("{\"success\":true,\"stdout\":null,\"totalCount\":0}");
        using var client = server.CreateClient();
        var lines = new List<JobLogLine>();

        await foreach (var line in client.Jobs.AttachToJob(GrowingLogJob.ProjectId, GrowingLogJob.JobId).StreamLogsAsync(JobWaitTests.Fast(), CancellationToken.None))
        {
            lines.Add(line);
        }

        Assert.That((lines.Count, LogQueries(server).Length), Is.EqualTo((0, 2)));
    }

    [Test]
    public async Task Stream_EndsOnlyAfterTheFinishedJobsLastLinesWereRead()
    {
        var job = new GrowingLogJob { WrittenOnStatusPoll = n => n == 4 ? 6 : 1, FinishedFromStatusPoll = 4 };
        var progress = new RecordingProgress();

        var (lines, server) = await StreamAsync(job, logLinesPerPoll: 100, progress);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Select(l => l.Data), Is.EqualTo(Enumerable.Range(1, 9).Select(GrowingLogJob.Text)));
            Assert.That(server.Requests[^1].Path, Does.EndWith("/stdout"));
            Assert.That(progress.Reports.Select(p => p.State).Last(), Is.EqualTo(JobProgressState.Finished));
        }
    }

    [Test]
    public async Task Stream_ThenWait_ReturnsTheFinalStatusWithoutAnotherPoll()
    {
        var job = new GrowingLogJob { WrittenOnStatusPoll = _ => 1, FinishedFromStatusPoll = 2 };
        await using var server = LoopbackServer.Start();
        job.Attach(server);
        using var client = server.CreateClient();
        var operation = client.Jobs.AttachToJob(GrowingLogJob.ProjectId, GrowingLogJob.JobId);
        await foreach (var unused in operation.StreamLogsAsync(JobWaitTests.Fast(), CancellationToken.None))
        {
        }

        var requestsAfterStream = server.Requests.Count;
        var final = await operation.WaitForCompletionAsync(CancellationToken.None);

        Assert.That((final.FinishedSuccessful, server.Requests.Count), Is.EqualTo((true, requestsAfterStream)));
    }

    [Test]
    public async Task Stream_CallerCancels_ThrowsWithTheCallersToken()
    {
        var job = new GrowingLogJob { WrittenOnStatusPoll = _ => 2, FinishedFromStatusPoll = int.MaxValue };
        await using var server = LoopbackServer.Start();
        job.Attach(server);
        using var client = server.CreateClient();
        using var cts = new CancellationTokenSource();
        var seen = new List<JobLogLine>();

        var ex = await Assert.ThrowsAsync<OperationCanceledException>(async () =>
        {
            await foreach (var line in client.Jobs.AttachToJob(GrowingLogJob.ProjectId, GrowingLogJob.JobId).StreamLogsAsync(JobWaitTests.Fast(), cts.Token))
            {
                seen.Add(line);
                cts.Cancel();
            }
        });

        Assert.That((ex!.CancellationToken, seen.Count), Is.EqualTo((cts.Token, 2)));
    }

    [Test]
    public async Task GetLastLogLines_ReturnsOldestFirstWhateverTheServersOrder()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobsLogs.success.json")).Enqueue(CannedResponse.Fixture("Jobs/getJobsLogs.failed.json"));
        using var client = server.CreateClient();

        var oldestFirst = await client.Jobs.AttachToJob(52187, 1847312964).GetLastLogLinesAsync(5, CancellationToken.None);
        var newestFirst = await client.Jobs.AttachToJob(52187, 1847341876).GetLastLogLinesAsync(3, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(oldestFirst.Select(l => l.Data), Is.EqualTo(new[] { "Profiling int8 model (EON)...\n", "\n", "Model training complete\n", "\n", "Job completed (success)\n" }));
            Assert.That(newestFirst.Select(l => l.Data!.Split(':')[0]), Is.EqualTo(new[] { "Traceback (most recent call last)", "ValueError", "Application exited with code 1\n" }));
            Assert.That(server.Requests.Select(r => r.Query), Is.EqualTo(new[] { "limit=5", "limit=3" }));
        }
    }

    private static async Task<(List<JobLogLine> Lines, LoopbackServer Server)> StreamAsync(GrowingLogJob job, int logLinesPerPoll, IProgress<JobProgress>? progress = null)
    {
        var server = LoopbackServer.Start();
        job.Attach(server);
        using var client = server.CreateClient();
        var options = JobWaitTests.Fast(progress);
        options.LogLinesPerPoll = logLinesPerPoll;
        var lines = new List<JobLogLine>();
        try
        {
            await foreach (var line in client.Jobs.AttachToJob(GrowingLogJob.ProjectId, GrowingLogJob.JobId).StreamLogsAsync(options, CancellationToken.None))
            {
                lines.Add(line);
            }
        }
        finally
        {
            await server.DisposeAsync();
        }

        return (lines, server);
    }

    private static string[] LogQueries(LoopbackServer server) =>
        server.Requests.Where(r => r.Path.EndsWith("/stdout", StringComparison.Ordinal)).Select(r => r.Query).ToArray();
}
