package com.example.forks;

@SharedStack
class SharedTwoIT extends UsesTheBox {
}
