using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Company.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompanyDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "attendance_changed_at",
                table: "learner_progress",
                type: "datetime(6)",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<decimal>(
                name: "attendance_rate",
                table: "learner_progress",
                type: "decimal(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "evaluation_score",
                table: "learner_progress",
                type: "decimal(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "exam_scores",
                table: "learner_progress",
                type: "json",
                nullable: false)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "learner_progress",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "provision_learning_totals",
                columns: table => new
                {
                    provision_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    learners = table.Column<int>(type: "int", nullable: false),
                    active = table.Column<int>(type: "int", nullable: false),
                    completed = table.Column<int>(type: "int", nullable: false),
                    cancelled = table.Column<int>(type: "int", nullable: false),
                    progress_sum = table.Column<decimal>(type: "decimal(14,2)", precision: 14, scale: 2, nullable: false),
                    scored = table.Column<int>(type: "int", nullable: false),
                    score_sum = table.Column<decimal>(type: "decimal(14,2)", precision: 14, scale: 2, nullable: false),
                    attended = table.Column<int>(type: "int", nullable: false),
                    attendance_sum = table.Column<decimal>(type: "decimal(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provision_learning_totals", x => x.provision_id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            // Rows kept before this migration: an empty score map, and counters seeded from them so the dashboard is
            // right from the first read (the same sums the consumers keep; POST /dashboard/rebuild recomputes them).
            migrationBuilder.Sql("UPDATE learner_progress SET exam_scores = '{}' WHERE exam_scores IS NULL OR exam_scores = '';");
            migrationBuilder.Sql("""
                INSERT INTO provision_learning_totals
                  (provision_id, learners, active, completed, cancelled, progress_sum, scored, score_sum, attended, attendance_sum)
                SELECT provision_id, SUM(state <> 'CANCELLED'), SUM(state = 'ACTIVE'), SUM(state = 'COMPLETED'), SUM(state = 'CANCELLED'),
                  SUM(CASE WHEN state <> 'CANCELLED' THEN progress_percent ELSE 0 END), 0, 0, 0, 0
                FROM learner_progress
                WHERE provision_id <> '00000000-0000-0000-0000-000000000000'
                GROUP BY provision_id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "provision_learning_totals");

            migrationBuilder.DropColumn(
                name: "attendance_changed_at",
                table: "learner_progress");

            migrationBuilder.DropColumn(
                name: "attendance_rate",
                table: "learner_progress");

            migrationBuilder.DropColumn(
                name: "evaluation_score",
                table: "learner_progress");

            migrationBuilder.DropColumn(
                name: "exam_scores",
                table: "learner_progress");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "learner_progress");
        }
    }
}
