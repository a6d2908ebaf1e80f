//! Ids with a value each, stored compactly for checking large uploads: the ids' text one after
//! the other in one buffer, their values in one vector, and a hash table of 4-byte indices. A
//! `HashMap<Box<str>, V>` costs a separate allocation per id and 16 bytes more per entry,
//! which for the 576,000 firms of a 45 MB file was more than the file itself.

use std::hash::{BuildHasher, RandomState};

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

/// A set of ids, each with a value.
pub(crate) struct KeyTable<V> {
    /// Every id's text, one after the other.
    text: String,
    /// Per id: where its text ends in `text` (it starts where the previous one ends), and its
    /// value.
    entries: Vec<(u32, V)>,
    /// Indices into `entries`, hashed by id.
    table: HashTable<u32>,
    hasher: RandomState,
}

impl<V> Default for KeyTable<V> {
    fn default() -> KeyTable<V> {
        KeyTable {
            text: String::new(),
            entries: Vec::new(),
            table: HashTable::new(),
            hasher: RandomState::new(),
        }
    }
}

impl<V> KeyTable<V> {
    /// The value of `key`, when it is in the table.
    pub(crate) fn get(&self, key: &str) -> Option<&V> {
        let hash = self.hasher.hash_one(key);
        let index = self.table.find(hash, |&index| self.key(index) == key)?;
        Some(&self.entries[*index as usize].1)
    }

    /// True when `key` is in the table.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The value of `key`, inserting `value` first when `key` is not in the table.
    pub(crate) fn get_or_insert(&mut self, key: &str, value: impl FnOnce() -> V) -> &mut V {
        let hash = self.hasher.hash_one(key);
        let (text, entries, hasher) = (&mut self.text, &mut self.entries, &self.hasher);
        let entry = self.table.entry(
            hash,
            |&index| key_of(text, entries, index) == key,
            |&index| hasher.hash_one(key_of(text, entries, index)),
        );
        let index = match entry {
            Entry::Occupied(found) => *found.get(),
            Entry::Vacant(vacant) => {
                text.push_str(key);
                let index = as_u32(entries.len());
                entries.push((as_u32(text.len()), value()));
                vacant.insert(index);
                index
            }
        };
        &mut self.entries[index as usize].1
    }

    /// Every id with its value, in the order they were inserted.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        (0..self.entries.len()).map(|index| {
            let index = as_u32(index);
            (self.key(index), &self.entries[index as usize].1)
        })
    }

    fn key(&self, index: u32) -> &str {
        key_of(&self.text, &self.entries, index)
    }
}

fn key_of<'a, V>(text: &'a str, entries: &[(u32, V)], index: u32) -> &'a str {
    let index = index as usize;
    let start = match index {
        0 => 0,
        _ => entries[index - 1].0 as usize,
    };
    &text[start..entries[index].0 as usize]
}

// An upload holds at most 50 MB, so fewer ids and bytes of ids than 4 billion.
fn as_u32(n: usize) -> u32 {
    u32::try_from(n).expect("an upload of at most 50 MB")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_with_their_values_and_inserted_once() {
        let mut table = KeyTable::default();
        for (k, key) in ["B1", "B10", "", "ß", "B1"].into_iter().enumerate() {
            table.get_or_insert(key, || k);
        }

        assert_eq!(table.get("B1"), Some(&0));
        assert_eq!(table.get("B10"), Some(&1));
        assert_eq!(table.get(""), Some(&2));
        assert_eq!(table.get("ß"), Some(&3));
        assert!(!table.contains("B"));
        let all: Vec<(&str, usize)> = table.iter().map(|(k, v)| (k, *v)).collect();
        assert_eq!(all, [("B1", 0), ("B10", 1), ("", 2), ("ß", 3)]);
    }

    #[test]
    fn a_table_that_grows_keeps_every_id() {
        let mut table = KeyTable::default();
        for k in 0..10_000 {
            *table.get_or_insert(&format!("id-{k}"), || 0) += k;
        }

        for k in 0..10_000 {
            assert_eq!(table.get(&format!("id-{k}")), Some(&k), "id-{k}");
        }
    }
}
