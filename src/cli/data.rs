//! Data commands: import, export and the demo region.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sea_orm::DatabaseConnection;

use super::{EXIT_REJECTED, ExportFormat};
use crate::{bulk, demo, storage};

/// `symbiose demo`.
pub(super) async fn demo(db: &DatabaseConnection, today: chrono::NaiveDate) -> anyhow::Result<u8> {
    let summary = match demo::load_demo(db, today).await {
        Ok(summary) => summary,
        Err(e @ (demo::DemoError::AlreadyLoaded | demo::DemoError::Rejected(_))) => {
            eprintln!("{e}");
            return Ok(EXIT_REJECTED);
        }
        Err(e) => return Err(e.into()),
    };
    println!(
        "loaded the Keyport demo region: {} firms, {} offers, {} needs",
        summary.firms, summary.offers, summary.needs
    );
    Ok(0)
}

/// `symbiose admin create`: the password comes from the first line of standard input.
pub(super) async fn create_staff(
    db: &DatabaseConnection,
    email: &str,
    role: super::StaffRole,
    now: chrono::NaiveDateTime,
) -> anyhow::Result<u8> {
    let email = match crate::domain::Email::parse(email) {
        Ok(email) => email,
        Err(problem) => {
            eprintln!("{problem}");
            return Ok(EXIT_REJECTED);
        }
    };
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let password = match crate::domain::NewPassword::parse(line.trim_end_matches(['\r', '\n'])) {
        Ok(password) => password,
        Err(problem) => {
            eprintln!("{problem} (read from standard input)");
            return Ok(EXIT_REJECTED);
        }
    };
    let hash = crate::accounts::hash_password(&password)?;
    let role = match role {
        super::StaffRole::Administrator => crate::domain::Role::Administrator,
        super::StaffRole::Coordinator => crate::domain::Role::Coordinator,
    };
    match storage::accounts::create_staff_user(db, &email, &hash, role, now).await {
        Ok(_) => {
            println!("created {} {email}", role.as_str());
            Ok(0)
        }
        Err(e @ storage::StorageError::Duplicate { .. }) => {
            eprintln!("email: {e}");
            Ok(EXIT_REJECTED)
        }
        Err(e) => Err(e.into()),
    }
}

/// `symbiose export`.
pub(super) async fn export(
    db: &DatabaseConnection,
    format: ExportFormat,
    out: &Path,
) -> anyhow::Result<u8> {
    let region = storage::load_region(db).await?;
    match format {
        ExportFormat::Json => {
            let file = std::fs::File::create(out)
                .with_context(|| format!("cannot create {}", out.display()))?;
            let mut writer = std::io::BufWriter::new(file);
            serde_json::to_writer_pretty(
                &mut writer,
                &bulk::json_instance::write_instance(&region),
            )?;
            std::io::Write::write_all(&mut writer, b"\n")?;
        }
        ExportFormat::Csv => bulk::csv_files::write_csv_dir(&region, out)
            .with_context(|| format!("cannot write to {}", out.display()))?,
    }
    println!(
        "exported {} firms, {} offers, {} needs to {}",
        region.firms.len(),
        region.offers.len(),
        region.needs.len(),
        out.display()
    );
    Ok(0)
}

/// `symbiose import`.
pub(super) async fn import(
    db: &DatabaseConnection,
    files: &[PathBuf],
    today: chrono::NaiveDate,
) -> anyhow::Result<u8> {
    let existing = storage::existing_keys(db).await?;
    let region = match bulk::read_files(files, &existing, today) {
        Ok(region) => region,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!(
                "import refused: {} problem(s); nothing was written",
                problems.len()
            );
            return Ok(EXIT_REJECTED);
        }
    };
    let total = region.firms.len() + region.offers.len() + region.needs.len();
    let bar = DelayedProgress::new(total as u64);
    let summary = storage::insert_region(db, &region, &|done| bar.set(done as u64)).await;
    bar.finish();
    let summary = summary.context("import failed; nothing was written")?;
    println!(
        "imported {} firms, {} offers, {} needs",
        summary.firms, summary.offers, summary.needs
    );
    Ok(0)
}

/// A progress bar that only appears once an operation has taken more than a second.
struct DelayedProgress {
    bar: ProgressBar,
    started: Instant,
}

impl DelayedProgress {
    fn new(total: u64) -> Self {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} records written ({eta} left)")
                .expect("valid template"),
        );
        DelayedProgress {
            bar,
            started: Instant::now(),
        }
    }

    fn set(&self, done: u64) {
        if self.bar.is_hidden() && self.started.elapsed() > Duration::from_secs(1) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.set_position(done);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
