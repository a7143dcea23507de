namespace Lms.Contracts.Boards;

/// <summary>A manager posted a notice on a class's board.</summary>
public sealed record NoticePosted(Guid PostId, Guid ProvisionId, string Title, Guid AuthorId, DateTimeOffset PostedAt);

/// <summary>A learner asked a question on a class's board.</summary>
public sealed record QuestionPosted(Guid PostId, Guid ProvisionId, string Title, Guid AuthorId, DateTimeOffset PostedAt);

/// <summary>A manager of the class's institution commented on a question, which is now answered.</summary>
public sealed record QuestionAnswered(Guid PostId, Guid ProvisionId, string Title, Guid QuestionAuthorId, Guid AnsweredBy, DateTimeOffset AnsweredAt);

/// <summary>
/// One learner is to be told about a notice: the board fans a <see cref="NoticePosted"/> out into one of these per
/// recipient, so each email is sent, retried and, if it keeps failing, parked on its own.
/// </summary>
public sealed record NoticeEmailRequested(Guid PostId, Guid ProvisionId, Guid RecipientId, string Title, DateTimeOffset PostedAt);
