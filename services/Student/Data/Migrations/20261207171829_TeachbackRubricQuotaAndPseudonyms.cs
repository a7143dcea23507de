using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Student.Data.Migrations
{
    /// <inheritdoc />
    public partial class TeachbackRubricQuotaAndPseudonyms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "prompt",
                table: "teachback_topics",
                type: "varchar(2000)",
                maxLength: 2000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<bool>(
                name: "overruled",
                table: "teachback_submissions",
                type: "tinyint(1)",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "provider_score",
                table: "teachback_submissions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "rubric_score",
                table: "teachback_submissions",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "company_members",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    user_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    active = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_members", x => new { x.company_id, x.user_id });
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "teachback_pseudonyms",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    code = table.Column<string>(type: "varchar(6)", maxLength: 6, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachback_pseudonyms", x => x.user_id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "teachback_quotas",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    submitted = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachback_quotas", x => x.user_id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            // Learners already ranked get their pseudonym now (later ones at their first scoring), from the same alphabet.
            const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            var letter = $"SUBSTRING('{alphabet}', 1 + FLOOR(RAND() * {alphabet.Length}), 1)";
            migrationBuilder.Sql($"""
                INSERT INTO teachback_pseudonyms (user_id, code)
                SELECT user_id, CONCAT({string.Join(", ", Enumerable.Repeat(letter, 6))})
                FROM (SELECT DISTINCT user_id FROM teachback_rank_days) learners
                """);

            // Memberships from before this projection: a learner with an ACTIVE enrollment belongs to its provision's
            // company (rosters take only members; leaving cancels ACTIVE enrollments). Any membership event is newer.
            migrationBuilder.Sql("""
                INSERT INTO company_members (company_id, user_id, active, changed_at)
                SELECT DISTINCT p.company_id, e.user_id, TRUE, '2000-01-01 00:00:00'
                FROM enrollments e JOIN provisions p ON p.id = e.provision_id
                WHERE e.state = 'ACTIVE'
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "company_members");

            migrationBuilder.DropTable(
                name: "teachback_pseudonyms");

            migrationBuilder.DropTable(
                name: "teachback_quotas");

            migrationBuilder.DropColumn(
                name: "prompt",
                table: "teachback_topics");

            migrationBuilder.DropColumn(
                name: "overruled",
                table: "teachback_submissions");

            migrationBuilder.DropColumn(
                name: "provider_score",
                table: "teachback_submissions");

            migrationBuilder.DropColumn(
                name: "rubric_score",
                table: "teachback_submissions");
        }
    }
}
