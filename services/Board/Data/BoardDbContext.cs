using Lms.Board.Access;
using Lms.Board.Notifications;
using Lms.Board.Posts;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Users;
using Microsoft.EntityFrameworkCore;

namespace Lms.Board.Data;

/// <summary>The board service's own schema (<c>lms_board</c>).</summary>
public sealed class BoardDbContext(DbContextOptions<BoardDbContext> options) : ServiceDbContext(options), IUserDirectory
{
    public DbSet<UserSummary> Users => Set<UserSummary>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<PostView> PostViews => Set<PostView>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<BoardProvision> Provisions => Set<BoardProvision>();

    public DbSet<BoardEnrollment> Enrollments => Set<BoardEnrollment>();

    public DbSet<BoardManager> Managers => Set<BoardManager>();

    public DbSet<SentNoticeEmail> SentNoticeEmails => Set<SentNoticeEmail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<SentNoticeEmail>(sent =>
        {
            sent.ToTable("sent_notice_emails");
            sent.HasKey(s => new { s.PostId, s.RecipientId });
        });

        modelBuilder.Entity<Post>(post =>
        {
            post.ToTable("posts");
            post.HasKey(p => p.Id);
            post.Property(p => p.Id).ValueGeneratedNever();
            post.Property(p => p.Type).HasMaxLength(10);
            post.Property(p => p.Title).HasMaxLength(200);
            post.Property(p => p.Body).HasColumnType("text");
            post.Ignore(p => p.Answered);
            post.HasIndex(p => new { p.ProvisionId, p.CreatedAt });
            post.HasIndex(p => new { p.AuthorId, p.CreatedAt });
            post.HasMany<Comment>().WithOne().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
            post.HasMany<PostView>().WithOne().HasForeignKey(v => v.PostId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PostView>(view =>
        {
            view.ToTable("post_views");
            // The key is what makes a view count once per person, however many reads race.
            view.HasKey(v => new { v.PostId, v.UserId });
        });

        modelBuilder.Entity<Comment>(comment =>
        {
            comment.ToTable("comments");
            comment.HasKey(c => c.Id);
            comment.Property(c => c.Id).ValueGeneratedNever();
            comment.Property(c => c.Body).HasColumnType("text");
            comment.HasIndex(c => new { c.PostId, c.CreatedAt });
        });

        modelBuilder.Entity<BoardProvision>(provision =>
        {
            provision.ToTable("provisions");
            provision.HasKey(p => p.ProvisionId);
            provision.Property(p => p.ProvisionId).ValueGeneratedNever();
            provision.Property(p => p.CourseTitle).HasMaxLength(200);
        });

        modelBuilder.Entity<BoardEnrollment>(enrollment =>
        {
            enrollment.ToTable("enrollments");
            enrollment.HasKey(e => new { e.ProvisionId, e.UserId });
        });

        modelBuilder.Entity<BoardManager>(manager =>
        {
            manager.ToTable("institution_managers");
            manager.HasKey(m => new { m.InstitutionId, m.UserId });
        });
    }
}
