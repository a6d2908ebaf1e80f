//! Reading and validating `fixtures/material_classes.csv`.

use std::collections::HashSet;

use super::{ClassGroup, Labels, MaterialClass};
use crate::domain::descriptors::{LegalStatus, PhysicalForm, Property};
use crate::domain::material::Material;

/// One row as written; group rows leave everything after the labels empty.
#[derive(Debug, serde::Deserialize)]
struct Row {
    key: String,
    label_nl: String,
    label_en: String,
    label_de: String,
    codes: String,
    properties: String,
    legal_status: String,
    food_grade: String,
    form: String,
    sources: String,
}

/// Reads every row and checks the whole file; all problems come back, one line each.
pub(super) fn read(csv_text: &str) -> Result<(Vec<ClassGroup>, Vec<MaterialClass>), Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .from_reader(csv_text.as_bytes());
    let mut problems = Vec::new();
    let mut groups = Vec::new();
    let mut classes = Vec::new();
    for (line, row) in reader.deserialize::<Row>().enumerate() {
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                problems.push(format!("row {}: {error}", line + 1));
                continue;
            }
        };
        let labels = Labels {
            nl: row.label_nl.clone(),
            en: row.label_en.clone(),
            de: row.label_de.clone(),
        };
        if [&labels.nl, &labels.en, &labels.de]
            .iter()
            .any(|l| l.is_empty())
        {
            problems.push(format!(
                "{}: a label is empty (nl, en and de required)",
                row.key
            ));
        }
        if row.key.contains('.') {
            classes.push(leaf(&row, labels, &mut problems));
        } else {
            groups.push(ClassGroup {
                key: row.key,
                labels,
            });
        }
    }
    check_keys(&groups, &classes, &mut problems);
    if problems.is_empty() {
        Ok((groups, classes))
    } else {
        Err(problems)
    }
}

fn leaf(row: &Row, labels: Labels, problems: &mut Vec<String>) -> MaterialClass {
    let key = &row.key;
    let mut codes = Vec::new();
    for code in row
        .codes
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        match Material::parse(code) {
            Ok(material) => codes.push(material.code().to_string()),
            Err(reason) => problems.push(format!("{key}: {reason}")),
        }
    }
    if codes.is_empty() {
        problems.push(format!("{key}: no candidate code"));
    }
    let properties = row
        .properties
        .split(';')
        .filter(|p| !p.trim().is_empty())
        .filter_map(|p| {
            Property::parse(p, "properties")
                .map_err(|problem| problems.push(format!("{key}: {}", problem.reason)))
                .ok()
        })
        .collect();
    let typical_status = LegalStatus::parse(&row.legal_status)
        .map_err(|problem| problems.push(format!("{key}: {}", problem.reason)))
        .ok()
        .flatten();
    let form = PhysicalForm::parse(&row.form)
        .map_err(|problem| problems.push(format!("{key}: {}", problem.reason)))
        .ok()
        .flatten();
    let food_grade_plausible = match row.food_grade.as_str() {
        "yes" => true,
        "no" => false,
        other => {
            problems.push(format!("{key}: food_grade \"{other}\" should be yes or no"));
            false
        }
    };
    let sources: Vec<String> = row
        .sources
        .split(';')
        .map(|s| s.trim().to_string())
        .collect();
    if sources.iter().all(String::is_empty) {
        problems.push(format!("{key}: no source"));
    }
    MaterialClass {
        key: key.clone(),
        labels,
        codes,
        properties,
        typical_status,
        food_grade_plausible,
        form,
        sources,
    }
}

fn check_keys(groups: &[ClassGroup], classes: &[MaterialClass], problems: &mut Vec<String>) {
    let mut seen = HashSet::new();
    let group_keys: HashSet<&str> = groups.iter().map(|g| g.key.as_str()).collect();
    let all_keys = groups
        .iter()
        .map(|g| &g.key)
        .chain(classes.iter().map(|c| &c.key));
    for key in all_keys {
        if !seen.insert(key.as_str()) {
            problems.push(format!("{key}: duplicate key"));
        }
        let well_formed = key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
        if !well_formed || key.matches('.').count() > 1 {
            problems.push(format!("{key}: keys are lowercase ascii, one dot at most"));
        }
    }
    for class in classes {
        if !group_keys.contains(class.group()) {
            problems.push(format!(
                "{}: group {} is not defined",
                class.key,
                class.group()
            ));
        }
    }
}
