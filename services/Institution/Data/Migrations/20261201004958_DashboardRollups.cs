using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Institution.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dashboard_institution_totals",
                columns: table => new
                {
                    institution_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    enrollments = table.Column<int>(type: "int", nullable: false),
                    active = table.Column<int>(type: "int", nullable: false),
                    completed = table.Column<int>(type: "int", nullable: false),
                    cancelled = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dashboard_institution_totals", x => x.institution_id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "dashboard_month_companies",
                columns: table => new
                {
                    institution_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    month = table.Column<int>(type: "int", nullable: false),
                    company_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    enrollments = table.Column<int>(type: "int", nullable: false),
                    completed = table.Column<int>(type: "int", nullable: false),
                    cancelled = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dashboard_month_companies", x => new { x.institution_id, x.month, x.company_id });
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "dashboard_month_courses",
                columns: table => new
                {
                    institution_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    month = table.Column<int>(type: "int", nullable: false),
                    course_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    enrollments = table.Column<int>(type: "int", nullable: false),
                    completed = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dashboard_month_courses", x => new { x.institution_id, x.month, x.course_id });
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            // Seeded from the provision-month counters already kept, so the dashboards read right from the first
            // request: the same sums DashboardRollups computes (POST /dashboard/rebuild recomputes them all).
            migrationBuilder.Sql("""
                INSERT INTO dashboard_institution_totals (institution_id, enrollments, active, completed, cancelled)
                SELECT institution_id, SUM(enrollments), SUM(active), SUM(completed), SUM(cancelled)
                FROM dashboard_provision_months GROUP BY institution_id;
                """);
            migrationBuilder.Sql("""
                INSERT INTO dashboard_month_companies (institution_id, month, company_id, enrollments, completed, cancelled)
                SELECT institution_id, month, company_id, SUM(enrollments), SUM(completed), SUM(cancelled)
                FROM dashboard_provision_months GROUP BY institution_id, month, company_id;
                """);
            migrationBuilder.Sql("""
                INSERT INTO dashboard_month_courses (institution_id, month, course_id, enrollments, completed)
                SELECT institution_id, month, course_id, SUM(enrollments), SUM(completed)
                FROM dashboard_provision_months GROUP BY institution_id, month, course_id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dashboard_institution_totals");

            migrationBuilder.DropTable(
                name: "dashboard_month_companies");

            migrationBuilder.DropTable(
                name: "dashboard_month_courses");
        }
    }
}
