package com.example.users;

import org.springframework.data.jpa.repository.JpaRepository;

/** The JPA application's repository. */
interface Probes extends JpaRepository<Probe, Integer> {
}
