using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Institution.Data.Migrations
{
    /// <inheritdoc />
    public partial class Dashboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dashboard_course_ratings",
                columns: table => new
                {
                    course_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    institution_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ratings = table.Column<int>(type: "int", nullable: false),
                    stars_sum = table.Column<int>(type: "int", nullable: false),
                    stars1 = table.Column<int>(type: "int", nullable: false),
                    stars2 = table.Column<int>(type: "int", nullable: false),
                    stars3 = table.Column<int>(type: "int", nullable: false),
                    stars4 = table.Column<int>(type: "int", nullable: false),
                    stars5 = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dashboard_course_ratings", x => x.course_id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "dashboard_enrollments",
                columns: table => new
                {
                    enrollment_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    institution_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    company_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    course_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    provision_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    user_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    state = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    state_changed_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    activated_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    first_seen_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    progress_percent = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    progress_changed_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    exam_scores = table.Column<string>(type: "json", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    evaluation_score = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: true),
                    attendance_rate = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: true),
                    attendance_changed_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    certificate_serial = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    rating_stars = table.Column<int>(type: "int", nullable: true),
                    rating_comment = table.Column<string>(type: "varchar(2000)", maxLength: 2000, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    rated_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dashboard_enrollments", x => x.enrollment_id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "dashboard_provision_months",
                columns: table => new
                {
                    institution_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    provision_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    month = table.Column<int>(type: "int", nullable: false),
                    course_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    company_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    enrollments = table.Column<int>(type: "int", nullable: false),
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
                    table.PrimaryKey("pk_dashboard_provision_months", x => new { x.institution_id, x.provision_id, x.month });
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "ix_dashboard_course_ratings_institution_id",
                table: "dashboard_course_ratings",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_dashboard_enrollments_institution_id_rated_at",
                table: "dashboard_enrollments",
                columns: new[] { "institution_id", "rated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_dashboard_enrollments_provision_id",
                table: "dashboard_enrollments",
                column: "provision_id");

            migrationBuilder.CreateIndex(
                name: "ix_dashboard_provision_months_institution_id_course_id",
                table: "dashboard_provision_months",
                columns: new[] { "institution_id", "course_id" });

            migrationBuilder.CreateIndex(
                name: "ix_dashboard_provision_months_institution_id_month",
                table: "dashboard_provision_months",
                columns: new[] { "institution_id", "month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dashboard_course_ratings");

            migrationBuilder.DropTable(
                name: "dashboard_enrollments");

            migrationBuilder.DropTable(
                name: "dashboard_provision_months");
        }
    }
}
