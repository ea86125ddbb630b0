// CUSTOM: the typed failure of a job that finished without success, with the job and its last log lines, so the
// caller learns why (Edge Impulse's Node client only says "Job failed"; the Python SDK's poll ignores the outcome).
using System;
using System.Collections.Generic;
using System.Linq;

namespace EdgeImpulse.Generated;

/// <summary>A job finished, but not successfully (<see cref="Job.FinishedSuccessful"/> is false or missing).</summary>
public class EdgeImpulseJobFailedException : EdgeImpulseException
{
    // Enough of a log line to explain the failure without pasting a stack trace into the message.
    private const int ReasonLength = 300;

    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseJobFailedException"/> class.</summary>
    /// <param name="projectId">The project the job belongs to.</param>
    /// <param name="job">The job's final status; its <see cref="Job.Id"/> must be set.</param>
    /// <param name="lastLogLines">The job's last log lines, oldest first (may be empty).</param>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> or <paramref name="lastLogLines"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="job"/> has no id.</exception>
    public EdgeImpulseJobFailedException(int projectId, Job job, IReadOnlyList<JobLogLine> lastLogLines)
        : this(projectId, job, lastLogLines, null)
    {
    }

    internal EdgeImpulseJobFailedException(int projectId, Job job, IReadOnlyList<JobLogLine> lastLogLines, Redactor? redact)
        : base(Describe(projectId, job ?? throw new ArgumentNullException(nameof(job)), lastLogLines ?? throw new ArgumentNullException(nameof(lastLogLines)), redact))
    {
        ProjectId = projectId;
        Job = job;
        JobId = job.Id ?? throw new ArgumentException("The job has no id.", nameof(job));
        LastLogLines = lastLogLines;
    }

    /// <summary>Gets the project the job belongs to.</summary>
    public int ProjectId { get; }

    /// <summary>Gets the job's id.</summary>
    public long JobId { get; }

    /// <summary>Gets the job's final status.</summary>
    public Job Job { get; }

    /// <summary>Gets the job's last log lines, oldest first; empty when none were fetched (see <see cref="JobWaitOptions.FailureLogLineCount"/>).</summary>
    public IReadOnlyList<JobLogLine> LastLogLines { get; }

    private static string Describe(int projectId, Job job, IReadOnlyList<JobLogLine> lines, Redactor? redact)
    {
        var category = string.IsNullOrEmpty(job.Category) ? job.CategoryKey : job.Category;
        var outcome = job.FinishedSuccessful is null ? "finished without reporting success" : "failed";
        var errorData = lines.Where(l => l.LogLevel == JobLogLevel.Error).Select(l => l.Data).LastOrDefault(d => !string.IsNullOrWhiteSpace(d));
        string reason;
        if (errorData is not null)
        {
            // Redacted whole, then cut: a cut first could leave part of a secret in the message.
            reason = ": " + (redact ?? Redactor.None).Excerpt(errorData.Trim(), ReasonLength);
        }
        else
        {
            reason = lines.Count == 0 ? " (no log lines were fetched)" : $" (no error-level line among its last {lines.Count} log lines)";
        }

        return $"Job {job.Id} ({(string.IsNullOrEmpty(category) ? "unknown category" : category)}) in project {projectId} {outcome}{reason}";
    }
}
