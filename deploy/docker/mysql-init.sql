-- One database and one least-privilege user per service (as ./lms creates them locally); run by the
-- mysql image on its first start (docker-compose.yml mounts it into /docker-entrypoint-initdb.d).
CREATE DATABASE IF NOT EXISTS lms_identity CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'lms_identity'@'%' IDENTIFIED BY 'lms_identity_pw';
GRANT ALL PRIVILEGES ON lms_identity.* TO 'lms_identity'@'%';
CREATE DATABASE IF NOT EXISTS lms_institution CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'lms_institution'@'%' IDENTIFIED BY 'lms_institution_pw';
GRANT ALL PRIVILEGES ON lms_institution.* TO 'lms_institution'@'%';
CREATE DATABASE IF NOT EXISTS lms_company CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'lms_company'@'%' IDENTIFIED BY 'lms_company_pw';
GRANT ALL PRIVILEGES ON lms_company.* TO 'lms_company'@'%';
CREATE DATABASE IF NOT EXISTS lms_student CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'lms_student'@'%' IDENTIFIED BY 'lms_student_pw';
GRANT ALL PRIVILEGES ON lms_student.* TO 'lms_student'@'%';
CREATE DATABASE IF NOT EXISTS lms_content CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'lms_content'@'%' IDENTIFIED BY 'lms_content_pw';
GRANT ALL PRIVILEGES ON lms_content.* TO 'lms_content'@'%';
CREATE DATABASE IF NOT EXISTS lms_live CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'lms_live'@'%' IDENTIFIED BY 'lms_live_pw';
GRANT ALL PRIVILEGES ON lms_live.* TO 'lms_live'@'%';
CREATE DATABASE IF NOT EXISTS lms_board CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'lms_board'@'%' IDENTIFIED BY 'lms_board_pw';
GRANT ALL PRIVILEGES ON lms_board.* TO 'lms_board'@'%';
